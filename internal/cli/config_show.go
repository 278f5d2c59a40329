package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/pflag"

	"github.com/asterkit/aster/internal/config"
)

func init() {
	register(&Command{
		Path:    "config show",
		Summary: "Print the resolved node configuration and where each value came from",
		Usage:   "aster config show [--json] [--config PATH] [--strict]",
		Example: "aster config show --config aster.toml",
		Flags: func(f *pflag.FlagSet) {
			f.Bool("json", false, "print the configuration as JSON")
			f.String("config", "", "also read the TOML file at `PATH` (the environment still wins)")
			f.Bool("strict", false, "stop with an error on any value that would give a warning")
		},
		Run: func(c *Context) error {
			if len(c.Args) > 0 {
				return Usagef("unexpected argument %q", c.Args[0]).WithHint("Run 'aster config show --help' for usage.")
			}
			home, _ := os.UserHomeDir()
			cfg, err := config.Resolve(config.Options{File: c.String("config"), Home: home, LookupEnv: os.LookupEnv, Strict: c.Bool("strict")})
			var ce *config.Error
			if errors.As(err, &ce) {
				return Failf("%s", ce.Msg).WithHint("%s", ce.Hint)
			}
			if err != nil {
				return err
			}
			out := []byte(cfg.Text())
			if c.Bool("json") {
				if out, err = cfg.JSON(); err != nil {
					return err
				}
			}
			if _, err := c.Stdout.Write(out); err != nil {
				return err
			}
			// Warnings come last, where they are not scrolled away.
			for _, w := range cfg.Warnings {
				fmt.Fprintf(c.Stderr, "Warning: %s\n  %s\n", w.Msg, w.Hint)
			}
			return nil
		},
	})
}
