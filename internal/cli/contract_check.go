package cli

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/asterkit/aster/contract/manifest"
)

func init() {
	register(&Command{
		Path:    "contract check",
		Summary: "Recompute the manifest in memory and fail when the committed one is out of date",
		Usage:   "aster contract check [--manifest PATH] --service MODULE:CLASS [--service …] [--python-path DIR …] [--strict]",
		Example: "aster contract check --service shop.orders:OrderService",
		Run:     runContractCheck,
	})
}

func runContractCheck(c *Context) error {
	var svcs services
	svcs.define(c)
	path := c.Flags.String("manifest", defaultManifest, "compare with the manifest at `PATH`")
	if err := c.Parse(); err != nil {
		return err
	}
	if err := svcs.validate(c); err != nil {
		return err
	}
	old, err := manifest.Read(*path)
	if errors.Is(err, fs.ErrNotExist) {
		return Failf("Manifest not found at %s", *path).WithHint("Run: %s", svcs.regenerateCommand(*path, nil))
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return Failf("cannot read %s: %v", *path, pe.Err).WithHint("Check the --manifest path and its permissions.")
		}
		return Failf("%v", err).WithHint("Regenerate it with: %s", svcs.regenerateCommand(*path, nil))
	}
	file, err := svcs.manifest(manifest.Publication{})
	if err != nil {
		return err
	}
	report := manifest.Compare(old, file)
	if !report.Drift() {
		fmt.Fprintf(c.Stdout, "Contract manifest up to date: %s\n", *path)
		printEntries(c.Stdout, file)
		return nil
	}
	fmt.Fprint(c.Stdout, report.Text(false))
	fmt.Fprintf(c.Stdout, "The manifest at %s is out of date. Regenerate it with:\n  %s\n",
		*path, svcs.regenerateCommand(*path, old.Entries[0].Semver))
	return &Exit{Code: 1}
}
