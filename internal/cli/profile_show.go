package cli

import (
	"fmt"

	"github.com/asterkit/aster/internal/profile"
	"github.com/asterkit/aster/internal/tomltext"
)

func init() {
	register(&Command{
		Path:     "profile show",
		Summary:  "Show a profile (default: the active one)",
		Usage:    "aster profile show [NAME]",
		Example:  "aster profile show prod",
		Complete: map[string]func() []string{"": profileNames},
		Run: func(c *Context) error {
			if len(c.Args) > 1 {
				return Usagef("aster profile show takes at most one NAME")
			}
			env, err := openProfiles(c)
			if err != nil {
				return err
			}
			name := env.Config.Active()
			if len(c.Args) == 1 {
				name = c.Args[0]
			}
			p, ok := env.Config.Get(name)
			if !ok {
				return profileError(env, &profile.MissingError{Name: name, Available: env.Config.Names()})
			}
			active := ""
			if name == env.Config.Active() {
				active = " (active)"
			}
			pub := p.Get("root_pubkey")
			if pub == "" {
				pub = "<not set>"
			}
			fmt.Fprintf(c.Stdout, "Profile: %s%s\n  root_pubkey: %s\n  root_privkey: %s\n", name, active, pub, env.PrivateKeyState(name))
			for _, e := range p.Entries {
				if e.Key == "root_pubkey" {
					continue
				}
				v, ok := e.Value.(string)
				if !ok {
					v = tomltext.FormatValue(e.Value)
				}
				fmt.Fprintf(c.Stdout, "  %s: %s\n", e.Key, v)
			}
			return nil
		},
	})
}
