package cli

import "fmt"

func init() {
	register(&Command{
		Path:    "profile",
		Summary: "Manage operator profiles (one per mesh)",
		Usage:   "aster profile {list|create|use|show|delete}",
		Example: "aster profile create prod",
		Run: func(c *Context) error {
			fmt.Fprintln(c.Stderr, "Usage: aster profile {list|create|use|show|delete}")
			return &Exit{Code: 1}
		},
	})
}
