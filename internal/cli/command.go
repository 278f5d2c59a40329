// Package cli implements the aster command line: a cobra command tree whose
// commands are each defined in their own file and registered by path.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/asterkit/aster/internal/version"
)

// Command is a command as a file defines it. A command with sub-commands
// is a group; a group with Run also runs (the reference's spellings).
type Command struct {
	// Path is the command's words after "aster", e.g. "trust keygen root".
	Path string
	// Summary is the one-line description shown in the parent's help.
	Summary string
	// Usage is the full usage line, e.g. "aster trust keygen root --out PATH [--force]".
	Usage string
	// Example is one example invocation shown in help.
	Example string
	// Flags defines the command's flags.
	Flags func(f *pflag.FlagSet)
	// Complete lists the values shell completion offers for a flag, by
	// flag name, and for the positional arguments under "".
	Complete map[string]func() []string
	// Run does the work once the flags are parsed.
	Run func(c *Context) error
}

// Context is what a running command sees of the process.
type Context struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Flags are the command's parsed flags.
	Flags *pflag.FlagSet
	// Args are the positional arguments.
	Args []string

	cmd *cobra.Command
}

// String is the value of a string flag the command defines.
func (c *Context) String(name string) string { return must(c.Flags.GetString(name)) }

// Bool is the value of a boolean flag the command defines.
func (c *Context) Bool(name string) bool { return must(c.Flags.GetBool(name)) }

// Strings are the values of a repeatable flag the command defines.
func (c *Context) Strings(name string) []string { return must(c.Flags.GetStringArray(name)) }

// must panics on the error of a flag lookup: a command reading a flag it
// did not define is a programming error.
func must[T any](v T, err error) T {
	if err != nil {
		panic("cli: " + err.Error())
	}
	return v
}

// fullName is the command as typed, e.g. "aster contract gen".
func (c *Context) fullName() string { return c.cmd.CommandPath() }

var registry = map[string]*Command{}

// register adds a command to the tree; groups on its path are created as needed.
func register(c *Command) {
	if _, dup := registry[c.Path]; dup {
		panic("cli: duplicate command " + c.Path)
	}
	registry[c.Path] = c
}

// group describes an inner node of the tree that is not a registered command.
type group struct{ summary, example string }

var groups = map[string]group{
	"":             {"Aster RPC contracts, trust and identities, from the command line", "aster contract gen --service shop.orders:OrderService"},
	"contract":     {"Generate, check, compare, export and verify contract manifests", "aster contract check"},
	"trust":        {"Root keys, signed enrollment credentials and their verification", "aster trust verify .aster/credential.json --root-pubkey root.pub"},
	"trust keygen": {"Create root keys and extract public keys", "aster trust keygen root --out root.key"},
	"trust sign":   {"Sign consumer and producer enrollment credentials", "aster trust sign consumer --root-key root.key --attr aster.role=ops.status"},
	"enroll":       {"Enroll nodes into a mesh", "aster enroll node --role producer --name billing --profile prod"},
	"profile":      {"Manage operator profiles (one per mesh)", "aster profile create prod"},
	"config":       {"Inspect the resolved node configuration", "aster config show --json"},
}

// completionExamples show how each shell loads its completion script.
var completionExamples = map[string]string{
	"bash":       "source <(aster completion bash)",
	"zsh":        "aster completion zsh > \"${fpath[1]}/_aster\"",
	"fish":       "aster completion fish > ~/.config/fish/completions/aster.fish",
	"powershell": "aster completion powershell | Out-String | Invoke-Expression",
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
	root := newTree(stdin, stdout, stderr)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	var exit *Exit
	var e *Error
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.Code
	case !errors.As(err, &e):
		// Anything cobra itself rejects is a usage error.
		e = Usagef("%v", err).WithHint("Run '%s --help' for usage.", cmd.CommandPath())
	}
	fmt.Fprintf(stderr, "Error: %s\n", e.Msg)
	if e.Hint != "" {
		fmt.Fprintf(stderr, "  %s\n", e.Hint)
	}
	return e.Code
}

// Stdio runs Main on the process's own streams and arguments.
func Stdio() int {
	return Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}

// isReported tells the errors a command returns (*Error, *Exit) from
// others.
func isReported(err error) bool {
	var e *Error
	var x *Exit
	return errors.As(err, &e) || errors.As(err, &x)
}

// newTree builds the cobra tree of the registered commands, their groups,
// and the version, help and completion commands.
func newTree(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "aster",
		Short:         groups[""].summary,
		Example:       groups[""].example,
		Version:       version.String(),
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.Flags().BoolP("version", "V", false, "print the version")
	root.SetVersionTemplate("aster {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	root.SetHelpFunc(printHelp)
	root.SetHelpCommand(helpCommand())

	nodes := map[string]*cobra.Command{"": root}
	var node func(path string) *cobra.Command
	node = func(path string) *cobra.Command {
		if n, ok := nodes[path]; ok {
			return n
		}
		parent, name := "", path
		if i := strings.LastIndex(path, " "); i >= 0 {
			parent, name = path[:i], path[i+1:]
		}
		n := &cobra.Command{Use: name, Short: groups[path].summary, Example: groups[path].example}
		if def, ok := registry[path]; ok {
			n = commandOf(def, name)
		}
		nodes[path] = n
		node(parent).AddCommand(n)
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
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Example = "aster completion bash > /etc/bash_completion.d/aster"
		for _, shell := range c.Commands() {
			shell.Example = completionExamples[shell.Name()]
		}
	}
	groupBehaviour(root)
	return root
}

// commandOf is the cobra command of a registered command.
func commandOf(def *Command, name string) *cobra.Command {
	cmd := &cobra.Command{Use: name, Short: def.Summary, Example: def.Example}
	cmd.Annotations = map[string]string{usageAnnotation: def.Usage}
	if def.Flags != nil {
		cmd.Flags().SortFlags = false
		def.Flags(cmd.Flags())
	}
	for flagName, values := range def.Complete {
		complete := func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var out []cobra.Completion
			for _, v := range values() {
				if strings.HasPrefix(v, prefix) {
					out = append(out, v)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		}
		if flagName == "" {
			cmd.ValidArgsFunction = complete
		} else if err := cmd.RegisterFlagCompletionFunc(flagName, complete); err != nil {
			panic("cli: " + err.Error())
		}
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		c := &Context{
			Stdin: cmd.InOrStdin(), Stdout: cmd.OutOrStdout(), Stderr: cmd.ErrOrStderr(),
			Flags: cmd.Flags(), Args: args, cmd: cmd,
		}
		err := def.Run(c)
		var e *Error
		switch {
		case errors.As(err, &e) && e.Code == 2 && e.Hint == "":
			e.Hint = fmt.Sprintf("Run '%s --help' for usage.", cmd.CommandPath())
		case err != nil && !isReported(err):
			err = Failf("%v", err)
		}
		return err
	}
	return cmd
}

// usageAnnotation keys a registered command's usage line in its cobra
// command's annotations.
const usageAnnotation = "aster-usage"

// groupBehaviour makes every group, the completion group included, reject
// unknown sub-commands with a suggestion, and makes a group that does not
// run print its help on stderr as a usage error when called alone.
func groupBehaviour(cmd *cobra.Command) {
	for _, sub := range cmd.Commands() {
		groupBehaviour(sub)
	}
	if !cmd.HasSubCommands() {
		return
	}
	cmd.Args = noUnknownCommand
	cmd.SuggestionsMinimumDistance = 2
	if cmd.RunE == nil && cmd.Run == nil {
		cmd.RunE = func(cmd *cobra.Command, args []string) error {
			cmd.SetOut(cmd.ErrOrStderr())
			printHelp(cmd, args)
			return &Exit{Code: 2}
		}
	}
}
