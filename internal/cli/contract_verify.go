package cli

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/pflag"

	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/inputfile"
	"github.com/asterkit/aster/internal/pyjson"
)

func init() {
	register(&Command{
		Path:    "contract verify",
		Summary: "Check that a .aster.json export matches the local manifest's contract id",
		Usage:   "aster contract verify FILE [--manifest PATH]",
		Example: "aster contract verify contracts/Echo.aster.json",
		Flags: func(f *pflag.FlagSet) {
			f.String("manifest", defaultManifest, "compare with the manifest at `PATH`")
		},
		Run: func(c *Context) error {
			path := c.String("manifest")
			if len(c.Args) != 1 {
				return Usagef("aster contract verify takes one FILE, got %d arguments", len(c.Args)).
					WithHint("Usage: aster contract verify FILE [--manifest PATH]")
			}
			file := c.Args[0]
			data, err := inputfile.Read(file, inputfile.Manifest)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				return Failf("File not found: %s", file).WithHint("Pass the path of a .aster.json file written by `aster contract export`.")
			case err != nil:
				return Failf("cannot read %s: %v", file, unwrapPath(err)).WithHint("Check the path and its permissions.")
			}
			ref, err := manifest.ParseExport(file, data)
			switch {
			case errors.Is(err, manifest.ErrNotExport):
				return Failf("Not a valid .aster.json file.").WithHint("Pass a file written by `aster contract export`.")
			case err != nil:
				return Failf("%v", err).WithHint("Export it again with `aster contract export`.")
			}
			f, err := readManifest(path)
			if err != nil {
				return err
			}
			local := f.Find(ref.Service)
			if local == nil {
				return Failf("Service %s not found in %s", pyjson.StrRepr(ref.Service), path).WithHint("Pass the manifest that holds it with --manifest PATH.")
			}
			if local.ContractID != ref.ContractID {
				fmt.Fprintf(c.Stderr, "MISMATCH: %s contract has changed.\n  Export:  %s%s\n  Local:   %s%s\n",
					ref.Service, manifest.IDPrefix, ref.ContractID, manifest.IDPrefix, local.ContractID)
				return &Exit{Code: 1}
			}
			fmt.Fprintf(c.Stdout, "OK: %s contract matches.\n  contract_id=%s%s...\n",
				ref.Service, manifest.IDPrefix, head(ref.ContractID, 16))
			return nil
		},
	})
}
