package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/asterkit/aster/analyzer/python"
	"github.com/asterkit/aster/internal/progress"
)

func init() {
	register(&Command{
		Path:    "contract list",
		Summary: "List the @service classes of the Python sources (module:Class, service name, version)",
		Usage:   "aster contract list [DIR…] [--toml]",
		Example: "aster contract list src",
		Flags: func(f *pflag.FlagSet) {
			f.Bool("toml", false, "print a [tool.aster] services table for pyproject.toml instead")
		},
		Run: runContractList,
	})
}

// runContractList prints the @service classes found under each DIR.
func runContractList(c *Context) error {
	dirs := c.Args
	if len(dirs) == 0 {
		var err error
		if dirs, err = sourceRoots(); err != nil {
			return err
		}
	}
	found, err := serviceClasses(dirs, c.Stderr, progress.Enabled(c.Stderr, false))
	if err != nil {
		return err
	}
	if len(found) == 0 {
		fmt.Fprintf(c.Stderr, "No @service classes found in %s.\n", strings.Join(dirs, ", "))
		return nil
	}
	if c.Bool("toml") {
		fmt.Fprintln(c.Stdout, "[tool.aster]\nservices = [")
		for _, sc := range found {
			fmt.Fprintf(c.Stdout, "    %q,\n", sc.Spec)
		}
		fmt.Fprintln(c.Stdout, "]")
		return nil
	}
	tw := tabwriter.NewWriter(c.Stdout, 0, 0, 2, ' ', 0)
	for _, sc := range found {
		fmt.Fprintf(tw, "%s\t%s\tv%d\n", sc.Spec, sc.Name, sc.Version)
	}
	return tw.Flush()
}

// sourceRoots are the directories contract list reads by default: the
// project's python-path, else the project's directory, else the current
// directory.
func sourceRoots() ([]string, error) {
	project, err := findProject()
	switch {
	case err != nil:
		return nil, err
	case project != nil && len(project.PythonPath) > 0:
		return project.PythonPath, nil
	case project != nil:
		return []string{project.Dir}, nil
	}
	return []string{"."}, nil
}

// serviceClasses loads every module under each dir, with dir as its root,
// and returns the @service classes they bind. Modules that cannot be
// loaded are skipped with a warning on stderr, where progress shows when
// showProgress is set.
func serviceClasses(dirs []string, stderr io.Writer, showProgress bool) ([]python.ServiceClass, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, Failf("cannot read the current directory: %v", err)
	}
	var found []python.ServiceClass
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, Failf("not a directory: %s", dir).WithHint("Pass the directories your modules are imported from (what --python-path names).")
		}
		names, err := python.ModuleNames(dir)
		if err != nil {
			return nil, Failf("cannot list %s: %v", dir, unwrapPath(err)).WithHint("Check the directory's permissions.")
		}
		loader := python.NewLoader(python.Options{PythonPath: []string{dir}, Dir: cwd})
		var done atomic.Int64
		rep := progress.Start(stderr, showProgress, progressDelay, func() string {
			return fmt.Sprintf("aster: modules loaded from %s: %d/%d", dir, done.Load(), len(names))
		})
		warnings := rep.Writer(stderr)
		for _, name := range names {
			classes, err := loader.ServiceClasses(name)
			done.Add(1)
			if err != nil {
				fmt.Fprintf(warnings, "Warning: skipped module %s: %v\n", name, err)
				continue
			}
			for _, sc := range classes {
				if sc.Err != nil {
					fmt.Fprintf(warnings, "Warning: skipped %s: %v\n", sc.Spec, sc.Err)
					continue
				}
				found = append(found, sc)
			}
		}
		rep.Stop()
	}
	return found, nil
}

// serviceSpecs are the module:Class specs of the project's sources, for
// shell completion of --service (none when they cannot be read).
func serviceSpecs() []string {
	dirs, err := sourceRoots()
	if err != nil {
		return nil
	}
	found, err := serviceClasses(dirs, io.Discard, false)
	if err != nil {
		return nil
	}
	specs := make([]string, len(found))
	for i, sc := range found {
		specs[i] = sc.Spec
	}
	return specs
}
