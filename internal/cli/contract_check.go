package cli

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/pflag"

	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/astergen"
	"github.com/asterkit/aster/internal/inputfile"
	"github.com/asterkit/aster/internal/publish"
)

func init() {
	register(&Command{
		Path:    "contract check",
		Summary: "Recompute the manifest in memory and fail when the committed one is out of date",
		Usage:   "aster contract check [--manifest PATH] [--service MODULE:CLASS …] [--python-path DIR …] [--strict] [--quiet] | --go [PACKAGES]",
		Example: "aster contract check --service shop.orders:OrderService",
		Flags: func(f *pflag.FlagSet) {
			serviceFlags(f)
			f.String("manifest", defaultManifest, "compare with the manifest at `PATH`; [tool.aster] manifest replaces the default (with --go, default: each package's own)")
		},
		Complete: map[string]func() []string{"service": serviceSpecs},
		Run:      runContractCheck,
	})
}

func runContractCheck(c *Context) error {
	svcs, err := loadServices(c)
	if err != nil {
		return err
	}
	if svcs.goMode && !c.Flags.Changed("manifest") {
		// Go packages: each package's own manifest, as aster-gen writes it.
		if code := astergen.CheckManifests(svcs.patterns, c.Stdout, c.Stderr); code != 0 {
			return &Exit{Code: code}
		}
		return nil
	}
	path := svcs.manifestPath(c, "manifest")
	readError := func(err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return Failf("Manifest not found at %s", path).WithHint("Run: %s", svcs.regenerateCommand(path, nil))
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return Failf("cannot read %s: %v", path, err).WithHint("Check the --manifest path and its permissions.")
	}
	// The manifest is checked before the analysis and read after it, so
	// that it is not held while the analysis runs.
	if err := inputfile.Check(path, inputfile.Manifest); err != nil {
		return readError(err)
	}
	file, err := svcs.manifest(manifest.Publication{})
	if err != nil {
		return err
	}
	data, err := readAfterAnalysis(path)
	if err != nil {
		return readError(err)
	}
	// A manifest that is, byte for byte, what gen would keep has no drift:
	// it is compared as text, without being read into entries.
	if _, same := publish.Stable(file, data); !same {
		old, err := manifest.Parse(path, data)
		if err != nil {
			return Failf("%v", err).WithHint("Regenerate it with: %s", svcs.regenerateCommand(path, nil))
		}
		if report := manifest.Compare(old, file); report.Drift() {
			fmt.Fprint(c.Stdout, report.Text(false))
			fmt.Fprintf(c.Stdout, "The manifest at %s is out of date. Regenerate it with:\n  %s\n",
				path, svcs.regenerateCommand(path, old.Entries[0].Semver))
			return &Exit{Code: 1}
		}
	}
	svcs.printf(c.Stdout, "Contract manifest up to date: %s\n", path)
	svcs.printEntries(c.Stdout, file)
	return nil
}
