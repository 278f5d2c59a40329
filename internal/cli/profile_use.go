package cli

import "fmt"

func init() {
	register(&Command{
		Path:     "profile use",
		Summary:  "Make a profile the active one",
		Usage:    "aster profile use NAME",
		Example:  "aster profile use prod",
		Complete: map[string]func() []string{"": profileNames},
		Run: func(c *Context) error {
			if len(c.Args) != 1 {
				return Usagef("aster profile use takes one NAME").WithHint("Usage: aster profile use NAME")
			}
			env, err := openProfiles(c)
			if err != nil {
				return err
			}
			if err := env.Use(c.Args[0], c.Stderr); err != nil {
				return profileError(env, err)
			}
			fmt.Fprintf(c.Stdout, "Active profile set to '%s'.\n", c.Args[0])
			return nil
		},
	})
}
