package cli

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/asterkit/aster/internal/keyring"
	"github.com/asterkit/aster/internal/profile"
)

func init() {
	register(&Command{
		Path:    "profile delete",
		Summary: "Delete a profile and its root private key",
		Usage:   "aster profile delete NAME [--yes]",
		Example: "aster profile delete staging --yes",
		Flags: func(f *pflag.FlagSet) {
			f.BoolP("yes", "y", false, "do not ask for confirmation")
		},
		Complete: map[string]func() []string{"": profileNames},
		Run: func(c *Context) error {
			if len(c.Args) != 1 {
				return Usagef("aster profile delete takes one NAME").WithHint("Usage: aster profile delete NAME [--yes]")
			}
			name := c.Args[0]
			env, err := openProfiles(c)
			if err != nil {
				return err
			}
			if _, ok := env.Config.Get(name); !ok {
				return profileError(env, &profile.MissingError{Name: name, Available: env.Config.Names()})
			}
			if !c.Bool("yes") {
				fmt.Fprintf(c.Stderr, "Delete profile '%s' and its root private key? [y/N] ", name)
				line, _ := bufio.NewReader(c.Stdin).ReadString('\n')
				if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
					fmt.Fprintln(c.Stdout, "Cancelled.")
					return &Exit{Code: 1}
				}
			}
			wasActive := env.Config.Active() == name
			res, err := env.Delete(name, c.Stderr)
			if err != nil {
				return profileError(env, err)
			}
			fmt.Fprintf(c.Stdout, "Deleted profile '%s'.\n", name)
			if wasActive {
				active := env.Config.Active()
				if _, ok := env.Config.Get(active); ok {
					fmt.Fprintf(c.Stdout, "  Active profile is now '%s'.\n", active)
				} else {
					fmt.Fprintln(c.Stdout, "  No profile is active now; create one with: aster profile create NAME")
				}
			}
			switch {
			case res.KeyError != nil:
				fmt.Fprintf(c.Stderr, "Warning: could not remove the root key from the OS keyring: %s\n", keyringReason(res.KeyError))
			case res.KeyRemoved && env.Keyring.IsFile():
				fmt.Fprintf(c.Stdout, "  Root private key removed from %s.\n", env.Keyring.FilePath(name))
			case res.KeyRemoved:
				fmt.Fprintln(c.Stdout, "  Root private key removed from the OS keyring.")
			}
			return nil
		},
	})
}

// keyringReason is why the keyring failed, without the error's prefix.
func keyringReason(err error) string {
	var u *keyring.UnavailableError
	if errors.As(err, &u) {
		return u.Reason
	}
	return err.Error()
}
