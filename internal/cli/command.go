// Package cli implements the aster command line: a tree of commands, each
// defined in its own file and registered by path.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/pflag"
)

// Command is one node of the command tree. A leaf has Run; a group has none
// and lists its sub-commands in help.
type Command struct {
	// Path is the command's words after "aster", e.g. "trust keygen root".
	Path string
	// Summary is the one-line description shown in the parent's help.
	Summary string
	// Usage is the full usage line, e.g. "aster trust keygen root --out PATH [--force]".
	Usage string
	// Example is one example invocation shown in help.
	Example string
	// Run defines the flags on c.Flags, calls c.Parse and does the work.
	Run func(c *Context) error

	subs []*Command
}

// Context is what a running command sees of the process.
type Context struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Flags is the command's flag set; Run defines flags on it before Parse.
	Flags *pflag.FlagSet
	// Args are the positional arguments, valid after Parse.
	Args []string

	cmd  *Command
	argv []string
}

var registry = map[string]*Command{}

// register adds a command to the tree; groups on its path are created as needed.
func register(c *Command) {
	if _, dup := registry[c.Path]; dup {
		panic("cli: duplicate command " + c.Path)
	}
	registry[c.Path] = c
}

// groupSummaries describes the inner nodes of the tree.
var groupSummaries = map[string]string{
	"":             "Aster RPC contracts, trust and identities, from the command line",
	"contract":     "Generate, check, compare, export and verify contract manifests",
	"trust":        "Root keys, signed enrollment credentials and their verification",
	"trust keygen": "Create root keys and extract public keys",
	"trust sign":   "Sign consumer and producer enrollment credentials",
	"enroll":       "Enroll nodes into a mesh",
	"profile":      "Manage operator profiles (one per mesh)",
	"config":       "Inspect the resolved node configuration",
}

// tree links the registered commands into a tree and returns its root.
func tree() *Command {
	nodes := map[string]*Command{"": {Path: "", Summary: groupSummaries[""]}}
	var node func(path string) *Command
	node = func(path string) *Command {
		if n, ok := nodes[path]; ok {
			return n
		}
		n, ok := registry[path]
		if !ok {
			n = &Command{Path: path, Summary: groupSummaries[path]}
		} else {
			c := *n
			n = &c
		}
		nodes[path] = n
		parent := ""
		if i := strings.LastIndex(path, " "); i >= 0 {
			parent = path[:i]
		}
		p := node(parent)
		p.subs = append(p.subs, n)
		return n
	}
	paths := make([]string, 0, len(registry))
	for p := range registry {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		node(p)
	}
	for _, n := range nodes {
		sort.Slice(n.subs, func(i, j int) bool { return n.subs[i].name() < n.subs[j].name() })
	}
	return nodes[""]
}

func (c *Command) name() string {
	if i := strings.LastIndex(c.Path, " "); i >= 0 {
		return c.Path[i+1:]
	}
	return c.Path
}

func (c *Command) sub(name string) *Command {
	for _, s := range c.subs {
		if s.name() == name {
			return s
		}
	}
	return nil
}

// Parse parses the command's arguments against c.Flags. --help prints the
// usage and ends the command with exit 0; a bad flag is a usage error.
func (c *Context) Parse() error {
	c.Flags.SortFlags = false
	if err := c.Flags.Parse(c.argv); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			c.cmd.printHelp(c.Stdout, c.Flags)
			return &Exit{Code: 0}
		}
		return Usagef("%v", err)
	}
	c.Args = c.Flags.Args()
	return nil
}

// Error is a failure reported to the user as "Error: Msg" and an indented
// Hint line, ending the process with Code.
type Error struct {
	Msg  string
	Hint string
	Code int
}

func (e *Error) Error() string { return e.Msg }

// Failf is a failed operation (exit 1).
func Failf(format string, args ...any) *Error {
	return &Error{Msg: fmt.Sprintf(format, args...), Code: 1}
}

// Usagef is a usage error (exit 2).
func Usagef(format string, args ...any) *Error {
	return &Error{Msg: fmt.Sprintf(format, args...), Code: 2}
}

// WithHint sets the line that tells the user what to do.
func (e *Error) WithHint(format string, args ...any) *Error {
	e.Hint = fmt.Sprintf(format, args...)
	return e
}

// Exit ends a command with Code after it has printed everything itself.
type Exit struct{ Code int }

func (e *Exit) Error() string { return fmt.Sprintf("exit %d", e.Code) }

// Main runs the aster command line with args (without the program name) and
// returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := tree()
	cmd := root
	i := 0
	for i < len(args) {
		a := args[i]
		if cmd == root && (a == "--version" || a == "-V") {
			fmt.Fprintf(stdout, "aster %s\n", Version())
			return 0
		}
		if a == "-h" || a == "--help" {
			if cmd.Run == nil {
				cmd.printHelp(stdout, nil)
				return 0
			}
			break
		}
		if strings.HasPrefix(a, "-") {
			break
		}
		s := cmd.sub(a)
		if s == nil && cmd.Run != nil {
			break
		}
		if s == nil {
			return report(stderr, Usagef("unknown command %q for %q", a, cmd.fullName()).
				WithHint("Run '%s --help' for the list of commands.", cmd.fullName()))
		}
		cmd = s
		i++
	}
	if cmd.Run == nil {
		if i < len(args) {
			return report(stderr, Usagef("unknown flag %s for %q", args[i], cmd.fullName()).
				WithHint("Run '%s --help' for usage.", cmd.fullName()))
		}
		cmd.printHelp(stderr, nil)
		return 2
	}
	ctx := &Context{
		Stdin: stdin, Stdout: stdout, Stderr: stderr,
		Flags: pflag.NewFlagSet(cmd.fullName(), pflag.ContinueOnError),
		cmd:   cmd, argv: args[i:],
	}
	ctx.Flags.SetOutput(io.Discard)
	return report(stderr, cmd.Run(ctx))
}

// report prints err the way every command does and returns the exit code.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var exit *Exit
	if errors.As(err, &exit) {
		return exit.Code
	}
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Msg: err.Error(), Code: 1}
	}
	fmt.Fprintf(stderr, "Error: %s\n", e.Msg)
	if e.Hint != "" {
		fmt.Fprintf(stderr, "  %s\n", e.Hint)
	}
	return e.Code
}

func (c *Command) fullName() string {
	if c.Path == "" {
		return "aster"
	}
	return "aster " + c.Path
}

func (c *Command) printHelp(w io.Writer, fs *pflag.FlagSet) {
	if c.Summary != "" {
		fmt.Fprintf(w, "%s\n\n", c.Summary)
	}
	if c.Run == nil {
		fmt.Fprintf(w, "Usage:\n  %s COMMAND [flags]\n", c.fullName())
	} else {
		fmt.Fprintf(w, "Usage:\n  %s\n", c.Usage)
	}
	if len(c.subs) > 0 {
		fmt.Fprintf(w, "\nCommands:\n")
		for _, s := range c.subs {
			fmt.Fprintf(w, "  %-10s %s\n", s.name(), s.Summary)
		}
	}
	if c.Path == "" {
		fmt.Fprintf(w, "\nFlags:\n  -h, --help      help for aster\n  -V, --version   print the version\n")
	} else if fs != nil && fs.HasFlags() {
		fmt.Fprintf(w, "\nFlags:\n%s", fs.FlagUsages())
	}
	if c.Example != "" {
		fmt.Fprintf(w, "\nExample:\n  %s\n", c.Example)
	}
	if len(c.subs) > 0 {
		fmt.Fprintf(w, "\nRun '%s COMMAND --help' for more about a command.\n", c.fullName())
	}
}

// Stdio runs Main on the process's own streams and arguments.
func Stdio() int {
	return Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}
