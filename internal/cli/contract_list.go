package cli

import (
	"fmt"
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

// runContractList loads every module under each DIR (default: the
// project's python-path, else the project's directory, else the current
// directory) with DIR as its root, and prints the @service classes they
// bind.
func runContractList(c *Context) error {
	dirs := c.Args
	if len(dirs) == 0 {
		project, err := findProject()
		if err != nil {
			return err
		}
		switch {
		case project != nil && len(project.PythonPath) > 0:
			dirs = project.PythonPath
		case project != nil:
			dirs = []string{project.Dir}
		default:
			dirs = []string{"."}
		}
	}
	cwd, err := os.Getwd()
	if err != nil {
		return Failf("cannot read the current directory: %v", err)
	}
	var found []python.ServiceClass
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return Failf("not a directory: %s", dir).WithHint("Pass the directories your modules are imported from (what --python-path names).")
		}
		names, err := python.ModuleNames(dir)
		if err != nil {
			return Failf("cannot list %s: %v", dir, unwrapPath(err)).WithHint("Check the directory's permissions.")
		}
		loader := python.NewLoader(python.Options{PythonPath: []string{dir}, Dir: cwd})
		var done atomic.Int64
		rep := progress.Start(c.Stderr, progress.Enabled(c.Stderr, false), progressDelay, func() string {
			return fmt.Sprintf("aster: modules loaded from %s: %d/%d", dir, done.Load(), len(names))
		})
		warnings := rep.Writer(c.Stderr)
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
