package cli

import "fmt"

func init() {
	register(&Command{
		Path:    "profile list",
		Summary: "List the profiles; * marks the active one",
		Usage:   "aster profile list",
		Example: "aster profile list",
		Run: func(c *Context) error {
			if len(c.Args) != 0 {
				return Usagef("aster profile list takes no arguments")
			}
			env, err := openProfiles(c)
			if err != nil {
				return err
			}
			names := env.Config.Names()
			if len(names) == 0 {
				fmt.Fprintln(c.Stdout, "No profiles configured. Run: aster profile create <name>")
				return nil
			}
			for _, n := range names {
				p, _ := env.Config.Get(n)
				mark := ""
				if n == env.Config.Active() {
					mark = " *"
				}
				key := p.Get("root_pubkey")
				if key == "" {
					key = "<no root key>"
				} else if len(key) > 16 {
					key = key[:16]
				}
				fmt.Fprintf(c.Stdout, "  %s%s  root_pubkey=%s...\n", n, mark, key)
			}
			return nil
		},
	})
}
