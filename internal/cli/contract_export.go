package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/atomicfile"
)

// defaultManifest is where contract gen writes and the other contract
// commands read by default.
const defaultManifest = ".aster/manifest.json"

func init() {
	register(&Command{
		Path:    "contract export",
		Summary: "Write each manifest entry as a portable <service>.aster.json",
		Usage:   "aster contract export [--manifest PATH] [-o|--out DIR]",
		Example: "aster contract export --manifest .aster/manifest.json -o contracts",
		Flags: func(f *pflag.FlagSet) {
			f.String("manifest", defaultManifest, "read the manifest at `PATH`")
			f.StringP("out", "o", "", "write the exports into `DIR` (created if missing; default: the current directory)")
		},
		Run: func(c *Context) error {
			path, dir := c.String("manifest"), c.String("out")
			if len(c.Args) > 0 {
				return Usagef("aster contract export takes no arguments, got %q", c.Args[0]).
					WithHint("Run 'aster contract export --help' for usage.")
			}
			f, err := readManifest(path)
			if err != nil {
				return err
			}
			names := make([]string, len(f.Entries))
			for i := range f.Entries {
				if names[i], err = manifest.ExportFileName(&f.Entries[i]); err != nil {
					return Failf("%s: %v", path, err).WithHint("Rename the service before exporting it.")
				}
			}
			if dir != "" {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return Failf("cannot create %s: %v", dir, unwrapPath(err)).WithHint("Choose another directory with -o DIR.")
				}
			}
			for i := range f.Entries {
				m := &f.Entries[i]
				data, err := manifest.Export(m)
				if err != nil {
					return Failf("%s: %v", path, err)
				}
				out := joinPath(dir, names[i])
				if err := atomicfile.Write(out, data, 0o644); err != nil {
					return Failf("cannot write %s: %v", out, unwrapPath(err)).WithHint("Check that the directory is writable.")
				}
				fmt.Fprintf(c.Stdout, "Exported: %s\n  %s v%d  contract_id=%s...\n",
					out, m.Service, m.Version, head(manifest.IDPrefix+m.ContractID, 22))
			}
			return nil
		},
	})
}

// readManifest reads the manifest at path for export and verify, with the
// reference's message when it is missing.
func readManifest(path string) (manifest.File, error) {
	f, err := manifest.Read(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return f, Failf("Manifest not found at %s", path).
			WithHint("Run `aster contract gen` first, or pass --manifest <path>.")
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return f, Failf("cannot read %s: %v", path, pe.Err).WithHint("Check the path and its permissions.")
		}
		return f, Failf("%v", err).WithHint("Regenerate the manifest with `aster contract gen`.")
	}
	return f, nil
}

// unwrapPath drops the operation and path of a *fs.PathError, which the
// messages already name.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// joinPath joins a directory as the user gave it and a file name the way
// the reference prints it: no directory gives the bare name, and nothing
// is cleaned.
func joinPath(dir, name string) string {
	switch {
	case dir == "":
		return name
	case strings.HasSuffix(dir, string(filepath.Separator)):
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

// head is the first n bytes of s, or s when shorter.
func head(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}
