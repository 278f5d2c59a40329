package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/asterkit/aster/internal/keyring"
	"github.com/asterkit/aster/internal/profile"
)

func init() {
	register(&Command{
		Path:    "profile create",
		Summary: "Create a profile with a new root key pair (private key in the OS keyring)",
		Usage:   "aster profile create NAME",
		Example: "aster profile create prod",
		Run: func(c *Context) error {
			if len(c.Args) != 1 {
				return Usagef("aster profile create takes one NAME").WithHint("Usage: aster profile create NAME")
			}
			name := c.Args[0]
			if !profile.ValidName(name) {
				return Usagef("invalid profile name '%s': use letters, digits, '-' and '_'.", name)
			}
			env, err := openProfiles(c)
			if err != nil {
				return err
			}
			res, err := env.Create(name, time.Now(), c.Stderr)
			if err != nil {
				return profileError(env, err)
			}
			if res.KeyAdded {
				fmt.Fprintf(c.Stdout, "Added a root key to profile '%s'.\n", name)
			} else {
				fmt.Fprintf(c.Stdout, "Created profile '%s'.\n", name)
			}
			if res.Activated {
				fmt.Fprintln(c.Stdout, "  (set as active profile)")
			}
			switch {
			case env.Keyring.IsFile() && res.Adopted:
				fmt.Fprintf(c.Stdout, "  Using the root key already in %s (ASTER_KEYRING=file)\n", env.Keyring.FilePath(name))
			case env.Keyring.IsFile():
				fmt.Fprintf(c.Stdout, "  Root private key stored in %s (ASTER_KEYRING=file)\n", env.Keyring.FilePath(name))
			case res.Adopted:
				fmt.Fprintf(c.Stdout, "  Using the root key already in the OS keyring (profile: %s)\n", name)
			default:
				fmt.Fprintf(c.Stdout, "  Root private key stored in OS keyring (profile: %s)\n", name)
			}
			fmt.Fprintf(c.Stdout, "  Root public key: %s\n", res.Pubkey)
			return nil
		},
	})
}

// profileError turns a failed profile operation into the message and the
// way out.
func profileError(env *profile.Env, err error) error {
	var missing *profile.MissingError
	var locked *profile.LockedError
	var u *keyring.UnavailableError
	var bad *keyring.MalformedError
	switch {
	case errors.As(err, &missing):
		return Failf("%v", err).WithHint("Available: %s", available(missing.Available))
	case errors.As(err, &locked), errors.As(err, new(*profile.ExistsError)):
		return Failf("%v", err)
	case errors.As(err, &u):
		return Failf("%v", err).WithHint("Set ASTER_KEYRING=file to keep root keys in %s (unencrypted, mode 0600),\n"+
			"  or use a key file: aster trust keygen root --out %s, then pass --root-key.",
			filepath.Join(env.Home, "keyring"), filepath.Join(env.Home, "root.key"))
	case errors.As(err, &bad):
		return Failf("%v", err).WithHint("Remove that keyring entry, then run the command again.")
	}
	return Failf("%v", err)
}

// available lists profile names for a hint.
func available(names []string) string {
	if len(names) == 0 {
		return "(none)"
	}
	s := names[0]
	for _, n := range names[1:] {
		s += ", " + n
	}
	return s
}
