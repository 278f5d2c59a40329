package cli

import (
	"fmt"

	"github.com/asterkit/aster/internal/version"
)

func init() {
	register(&Command{
		Path:    "version",
		Summary: "Print the version",
		Usage:   "aster version",
		Example: "aster version",
		Run: func(c *Context) error {
			if len(c.Args) > 0 {
				return Usagef("aster version takes no arguments").WithHint("Run 'aster version'.")
			}
			fmt.Fprintf(c.Stdout, "aster %s\n", version.String())
			return nil
		},
	})
}
