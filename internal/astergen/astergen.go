// Package astergen implements the aster-gen command, the //go:generate
// front door that writes contract manifests and Go verification code.
package astergen

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/asterkit/aster/internal/progress"
	"github.com/asterkit/aster/internal/version"
)

// usage is the command's synopsis.
const usage = `usage: aster-gen [-check] [-quiet] [-out DIR] [PACKAGES...]
       aster-gen [-check] [-quiet] [-out DIR] [-strict] -python MODULE:CLASS [-python ...]
       aster-gen -version

Analyses the //aster:service interfaces of the Go packages (default: the
current directory, the package of $GOFILE under go generate) and writes, in
each package that declares services, .aster/manifest.json, aster_contract.go
and aster_contract_test.go. Files are rewritten only when their bytes change.
Run it as //go:generate go tool aster-gen (after go get -tool
github.com/asterkit/aster/cmd/aster-gen).

  -check    write nothing; exit 1 when the files are out of date
  -out DIR  write the manifest and aster_contract.go into DIR (one service
            package only); with -python, the directory that receives
            .aster/manifest.json
  -python MODULE:CLASS
            analyse a Python service instead (repeatable; manifest only,
            entries in command-line order)
  -strict   with -python: make every analysis warning an error (exit 1,
            nothing written)
  -quiet    print only warnings and errors
  -version  print the version
`

// gcPercent is the garbage collector's target during a run (unless GOGC
// is set): a run allocates tens of megabytes of short-lived data, and a
// larger heap goal spends far less time collecting it.
const gcPercent = 400

// Main runs aster-gen with args (without the program name) and returns the
// process exit code. It sets the garbage collector's target for the run and
// restores it on return.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	}
	fs := flag.NewFlagSet("aster-gen", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	check := fs.Bool("check", false, "")
	quiet := fs.Bool("quiet", false, "")
	showVersion := fs.Bool("version", false, "")
	out := fs.String("out", "", "")
	strict := fs.Bool("strict", false, "")
	var py specs
	fs.Var(&py, "python", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "Error: %v\n  %s", err, strings.ReplaceAll(strings.SplitN(usage, "\n", 2)[0], "\n", ""))
		fmt.Fprintln(stderr)
		return 2
	}
	if *showVersion {
		fmt.Fprintf(stdout, "aster-gen %s\n", version.String())
		return 0
	}
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n  Run aster-gen from an existing directory.\n", err)
		return 1
	}
	what := patternText(fs.Args())
	if len(py) > 0 {
		what = strings.Join(py, " ")
	}
	start := time.Now()
	rep := progress.Start(stderr, progress.Enabled(stderr, *quiet), progress.Delay, func() string {
		return fmt.Sprintf("aster-gen: analysing %s (%ds)", what, int(time.Since(start).Seconds()))
	})
	defer rep.Stop()
	return Run(Options{
		Dir: dir, Patterns: fs.Args(), Check: *check, Out: *out, Python: py, Quiet: *quiet, Strict: *strict,
		Command: strings.Join(append([]string{"aster-gen"}, withoutCheck(args)...), " "),
		Stdout:  rep.Writer(stdout), Stderr: rep.Writer(stderr),
	})
}

// withoutCheck drops the -check flag from args, giving the command that
// regenerates.
func withoutCheck(args []string) []string {
	var out []string
	for _, a := range args {
		if a == "-check" || a == "--check" || a == "-check=true" || a == "--check=true" {
			continue
		}
		out = append(out, a)
	}
	return out
}

// specs collects a repeated flag's values.
type specs []string

func (s *specs) String() string     { return strings.Join(*s, " ") }
func (s *specs) Set(v string) error { *s = append(*s, v); return nil }
