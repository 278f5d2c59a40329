package cli

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/asterkit/aster/contract/manifest"
)

func init() {
	register(&Command{
		Path:    "contract diff",
		Summary: "Explain what changed between two manifests and whether the contract ids changed",
		Usage:   "aster contract diff OLD NEW",
		Example: "aster contract diff old-manifest.json .aster/manifest.json",
		Run: func(c *Context) error {
			if len(c.Args) != 2 {
				return Usagef("aster contract diff takes two manifest files, OLD and NEW, got %d arguments", len(c.Args)).
					WithHint("Usage: aster contract diff OLD NEW")
			}
			var files [2]manifest.File
			for i, path := range c.Args {
				f, err := manifest.Read(path)
				var pe *fs.PathError
				switch {
				case errors.Is(err, fs.ErrNotExist):
					return Failf("File not found: %s", path).WithHint("Pass two manifest files written by `aster contract gen`.")
				case errors.As(err, &pe):
					return Failf("cannot read %s: %v", path, pe.Err).WithHint("Check the path and its permissions.")
				case err != nil:
					return Failf("%v", err).WithHint("Pass two manifest files written by `aster contract gen`.")
				}
				files[i] = f
			}
			r := manifest.Compare(files[0], files[1])
			text := r.Text(true)
			if text == "" {
				text = "No differences.\n"
			}
			fmt.Fprint(c.Stdout, text)
			if r.IDsChanged() {
				return &Exit{Code: 1}
			}
			return nil
		},
	})
}
