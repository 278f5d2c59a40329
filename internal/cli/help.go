package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// printHelp writes a command's help: description, usage, sub-commands,
// flags and example.
func printHelp(cmd *cobra.Command, _ []string) {
	cmd.InitDefaultHelpFlag()
	w := cmd.OutOrStdout()
	if about := strings.TrimSpace(cmd.Long); about != "" {
		fmt.Fprintf(w, "%s\n\n", about)
	} else if cmd.Short != "" {
		fmt.Fprintf(w, "%s\n\n", cmd.Short)
	}
	usage := cmd.Annotations[usageAnnotation]
	switch {
	case usage != "":
	case cmd.HasSubCommands():
		usage = cmd.CommandPath() + " COMMAND [flags]"
	default:
		usage = cmd.UseLine()
	}
	fmt.Fprintf(w, "Usage:\n  %s\n", usage)
	subs := helpTopics(cmd)
	if len(subs) > 0 {
		width := 0
		for _, s := range subs {
			width = max(width, len(s.Name()))
		}
		fmt.Fprintf(w, "\nCommands:\n")
		for _, s := range subs {
			fmt.Fprintf(w, "  %-*s  %s\n", width, s.Name(), s.Short)
		}
	}
	if flags := cmd.LocalFlags(); flags.HasAvailableFlags() {
		fmt.Fprintf(w, "\nFlags:\n%s", flags.FlagUsages())
	}
	if cmd.Example != "" {
		fmt.Fprintf(w, "\nExample:\n  %s\n", strings.ReplaceAll(cmd.Example, "\n", "\n  "))
	}
	if len(subs) > 0 {
		fmt.Fprintf(w, "\nRun '%s COMMAND --help' for more about a command.\n", cmd.CommandPath())
	}
}

// helpTopics are the sub-commands a group's help lists.
func helpTopics(cmd *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, s := range cmd.Commands() {
		if s.IsAvailableCommand() || s.Name() == "help" {
			out = append(out, s)
		}
	}
	return out
}

// helpCommand is `aster help [COMMAND…]`: the help of any command; an
// unknown one is a usage error with a suggestion.
func helpCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "help [COMMAND...]",
		Short:   "Help about any command",
		Example: "aster help contract gen",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, s := range helpTopics(cmd) {
				if strings.HasPrefix(s.Name(), toComplete) {
					out = append(out, cobra.CompletionWithDesc(s.Name(), s.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd := c.Root()
			for _, a := range args {
				sub, _, err := cmd.Find([]string{a})
				if err != nil || sub == cmd {
					return unknownCommand(cmd, a)
				}
				cmd = sub
			}
			cmd.SetOut(c.OutOrStdout())
			printHelp(cmd, nil)
			return nil
		},
	}
}

// noUnknownCommand rejects a positional argument of a group: it names no
// sub-command.
func noUnknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return unknownCommand(cmd, args[0])
}

// unknownCommand is the usage error for a word that names no sub-command
// of cmd, with the closest ones as a suggestion.
func unknownCommand(cmd *cobra.Command, word string) error {
	e := Usagef("unknown command %q for %q", word, cmd.CommandPath())
	if s := cmd.SuggestionsFor(word); len(s) > 0 {
		return e.WithHint("Did you mean %s? Run '%s --help' for the list of commands.",
			quotedList(prefixed(cmd.CommandPath()+" ", s)), cmd.CommandPath())
	}
	return e.WithHint("Run '%s --help' for the list of commands.", cmd.CommandPath())
}

// flagError is the usage error for a flag cobra could not parse, with the
// closest flag names as a suggestion for an unknown one.
func flagError(cmd *cobra.Command, err error) error {
	e := Usagef("%v", err)
	var notExist *pflag.NotExistError
	if errors.As(err, &notExist) {
		name := notExist.GetSpecifiedName()
		var close []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			if len(name) > 1 && (distance(name, f.Name) <= 2 || strings.HasPrefix(f.Name, name)) {
				close = append(close, "--"+f.Name)
			}
		})
		if len(close) > 0 {
			return e.WithHint("Did you mean %s? Run '%s --help' for usage.", quotedList(close), cmd.CommandPath())
		}
	}
	return e.WithHint("Run '%s --help' for usage.", cmd.CommandPath())
}

// prefixed puts p before each of s.
func prefixed(p string, s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = p + x
	}
	return out
}

// quotedList quotes s in a list for a sentence: 'a' / 'a' or 'b' /
// 'a', 'b' or 'c'.
func quotedList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = "'" + x + "'"
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// distance is the Levenshtein distance between a and b (ASCII flag names).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
