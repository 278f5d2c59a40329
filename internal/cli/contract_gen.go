package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync/atomic"

	"github.com/spf13/pflag"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/golang"
	"github.com/asterkit/aster/analyzer/python"
	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/atomicfile"
	"github.com/asterkit/aster/internal/inputfile"
	"github.com/asterkit/aster/internal/progress"
	"github.com/asterkit/aster/internal/publish"
	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/internal/pyproject"
)

func init() {
	register(&Command{
		Path:    "contract gen",
		Summary: "Analyse service sources statically and write the contract manifest",
		Usage:   "aster contract gen [--service MODULE:CLASS …] [--out PATH] [--python-path DIR …] [--semver VERSION] [--strict] [--quiet]",
		Example: "aster contract gen --service shop.orders:OrderService --out .aster/manifest.json",
		Flags: func(f *pflag.FlagSet) {
			serviceFlags(f)
			f.String("out", defaultManifest, "write the manifest to `PATH`; [tool.aster] out replaces the default")
			f.String("semver", "", "record `VERSION` as every entry's semver")
		},
		Complete: map[string]func() []string{"service": serviceSpecs},
		Run:      runContractGen,
	})
}

func runContractGen(c *Context) error {
	svcs, err := loadServices(c)
	if err != nil {
		return err
	}
	out := svcs.manifestPath(c, "out")
	if out == "" {
		return Usagef("--out needs a file path").WithHint("Pass --out PATH, or leave it out for %s.", defaultManifest)
	}
	meta, err := publish.Source{}.Collect()
	if err != nil {
		var ee *publish.EpochError
		if errors.As(err, &ee) {
			return Usagef("SOURCE_DATE_EPOCH must be a whole number of seconds, got %s", pyjson.OSStrRepr(ee.Value)).
				WithHint("Unset it or set it to the commit time, e.g. $(git log -1 --format=%%ct).")
		}
		return err
	}
	pub := manifest.Publication{
		VCSRevision:        meta.VCSRevision,
		VCSTag:             meta.VCSTag,
		VCSURL:             meta.VCSURL,
		PublishedAtEpochMS: meta.PublishedAtEpochMS,
	}
	if c.Flags.Changed("semver") {
		semver := c.String("semver")
		pub.Semver = &semver
	}
	file, err := svcs.manifest(pub)
	if err != nil {
		return err
	}
	old, _ := readAfterAnalysis(out)
	text, same := publish.Stable(file, old)
	if same {
		svcs.printf(c.Stdout, "Contract manifest unchanged: %s\n", out)
		svcs.printEntries(c.Stdout, file)
		return nil
	}
	if err := atomicfile.WriteFrom(out, text, 0o644); err != nil {
		return Failf("cannot write %s: %v", out, unwrapPath(err)).
			WithHint("Check that the directory is writable, or choose another --out.")
	}
	svcs.printf(c.Stdout, "Contract manifest written to: %s\n", out)
	svcs.printEntries(c.Stdout, file)
	return nil
}

// serviceFlags are the flags gen and check share.
func serviceFlags(f *pflag.FlagSet) {
	f.StringArray("service", nil, "a Python service as `MODULE:CLASS` (repeatable; manifest order; default: [tool.aster] services)")
	f.StringArray("python-path", nil, "search `DIR` for modules before $PYTHONPATH, . and ./src (repeatable; default: [tool.aster] python-path)")
	f.Bool("go", false, "analyse Go service interfaces in the packages given as arguments (go list patterns; default .)")
	f.Bool("strict", false, "make analysis warnings errors: exit 1, write nothing (default: [tool.aster] strict)")
	f.BoolP("quiet", "q", false, "print only warnings and errors")
}

// services is the selection of services that gen and check share: the
// Python specs and where their modules are found, from the flags or else
// the project's pyproject.toml, or the Go packages given after --go.
type services struct {
	stderr io.Writer // where warnings and progress go
	quiet  bool
	strict bool
	// specs and pythonPath are what is analysed; givenSpecs and
	// givenPythonPath the part of them given as flags.
	specs, pythonPath           []string
	givenSpecs, givenPythonPath []string
	// project is the [tool.aster] table found, if any.
	project *pyproject.Settings
	// manifestFromProject is set when the manifest path is the project's.
	manifestFromProject bool
	goMode              bool
	patterns            []string
}

// loadServices reads the service selection from the flags and, for
// Python services, the project's [tool.aster] settings (flags win), and
// reports usage errors before any work is done.
func loadServices(c *Context) (*services, error) {
	s := &services{
		stderr: c.Stderr, quiet: c.Bool("quiet"), strict: c.Bool("strict"),
		givenSpecs: c.Strings("service"), givenPythonPath: c.Strings("python-path"), goMode: c.Bool("go"),
	}
	if s.goMode {
		if len(s.givenSpecs) > 0 || len(s.givenPythonPath) > 0 {
			return nil, Usagef("--go cannot be combined with --service or --python-path").
				WithHint("Write the Python and the Go services to separate manifests.")
		}
		s.patterns = c.Args
		return s, nil
	}
	if len(c.Args) > 0 {
		return nil, Usagef("unexpected argument %s", c.Args[0]).
			WithHint("Run '%s --help' for usage.", c.fullName())
	}
	for _, spec := range s.givenSpecs {
		if !strings.Contains(spec, ":") {
			return nil, Usagef("--service must be of the form module:ClassName, got %s", pyjson.OSStrRepr(spec)).
				WithHint("Name the module and the class, e.g. --service shop.orders:OrderService.")
		}
	}
	var err error
	if s.project, err = findProject(); err != nil {
		return nil, err
	}
	s.specs, s.pythonPath = s.givenSpecs, s.givenPythonPath
	if p := s.project; p != nil {
		if len(s.specs) == 0 {
			s.specs = p.Services
		}
		if len(s.pythonPath) == 0 {
			s.pythonPath = p.SearchPath()
		}
		if !c.Flags.Changed("strict") {
			s.strict = p.Strict
		}
	}
	if len(s.specs) == 0 {
		e := Usagef("no services to analyse")
		if s.project != nil {
			e.Msg += fmt.Sprintf(": %s has no [tool.aster] services", s.project.File)
		}
		return nil, e.WithHint(`Pass --service MODULE:CLASS, or list them in pyproject.toml: [tool.aster] services = ["shop.orders:OrderService"] (aster contract list shows them).`)
	}
	return s, nil
}

// findProject reads the [tool.aster] settings of the closest
// pyproject.toml that has them; nil when there is none.
func findProject() (*pyproject.Settings, error) {
	dir, err := os.Getwd()
	if err != nil {
		return nil, Failf("cannot read the current directory: %v", err)
	}
	project, err := pyproject.Find(dir)
	var pe *pyproject.Error
	switch {
	case errors.As(err, &pe):
		return nil, Failf("%s", pe.Msg).WithHint("%s", pe.Hint)
	case err != nil:
		return nil, Failf("%v", err)
	}
	return project, nil
}

// manifestPath is the manifest's path: the flag when given, else the
// project's out/manifest setting, else the default.
func (s *services) manifestPath(c *Context, flag string) string {
	if !c.Flags.Changed(flag) && s.project != nil && s.project.Manifest != "" {
		s.manifestFromProject = true
		return s.project.Manifest
	}
	return c.String(flag)
}

// readAfterAnalysis reads the existing manifest at path, which gen and
// check compare with once the analysis is over. A collection first frees
// the analysis' data, garbage by then, so that the file (as large as the
// manifest's text) takes its place rather than adding to the peak.
func readAfterAnalysis(path string) ([]byte, error) {
	runtime.GC()
	return inputfile.Read(path, inputfile.Manifest)
}

// printf prints a progress message of gen or check unless --quiet.
func (s *services) printf(w io.Writer, format string, args ...any) {
	if !s.quiet {
		fmt.Fprintf(w, format, args...)
	}
}

// printEntries writes the per-service lines that follow gen's and check's
// first line, unless --quiet.
func (s *services) printEntries(w io.Writer, file manifest.File) {
	for _, e := range file.Entries {
		s.printf(w, "  %s v%d  contract_id=%s...  methods=%d\n",
			e.Service, e.Version, e.ContractID[:min(16, len(e.ContractID))], e.MethodCount)
	}
}

// progressDelay is how long an analysis runs before its progress shows.
var progressDelay = progress.Delay

// analyze runs the front end on every spec, in order, handing each
// service to each as soon as it is analysed; the first failure stops it.
// A run that lasts shows its progress on a terminal.
func (s *services) analyze(each func(*analyzer.Result) error) error {
	dir, err := os.Getwd()
	if err != nil {
		return Failf("cannot read the current directory: %v", err)
	}
	show := progress.Enabled(s.stderr, s.quiet)
	if s.goMode {
		rep := progress.Start(s.stderr, show, progressDelay, func() string {
			return "aster: loading and analysing Go packages (" + strings.Join(s.goPatterns(), " ") + ")"
		})
		results, err := golang.Analyze(dir, s.patterns...)
		rep.Stop()
		if err != nil {
			return analysisError(err)
		}
		if len(results) == 0 {
			return Failf("no //aster:service interface in %s", strings.Join(s.goPatterns(), " ")).
				WithHint("Mark a service interface with //aster:service, or pass other packages.")
		}
		for _, res := range results {
			if err := each(res); err != nil {
				return err
			}
		}
		return nil
	}
	warnings := s.stderr
	warn := func(w *analyzer.Error) { fmt.Fprintf(warnings, "Warning: %s\n", w.Error()) }
	loader := python.NewLoader(python.Options{PythonPath: s.pythonPath, Dir: dir, Warn: warn, Strict: s.strict})
	var analysed atomic.Int64
	rep := progress.Start(s.stderr, show, progressDelay, func() string {
		return fmt.Sprintf("aster: modules parsed: %d, services analysed: %d/%d", loader.ModulesParsed(), analysed.Load(), len(s.specs))
	})
	defer rep.Stop()
	warnings = rep.Writer(s.stderr)
	loader.Prefetch(s.specs...)
	for _, spec := range s.specs {
		res, err := loader.Service(spec)
		if err != nil {
			return analysisError(err)
		}
		analysed.Add(1)
		if err := each(res); err != nil {
			return err
		}
	}
	return nil
}

// manifest analyses and compiles every service and builds the manifest
// file gen writes: an object for one service, an array for several.
func (s *services) manifest(pub manifest.Publication) (manifest.File, error) {
	b := manifest.NewBuilder(pub)
	err := s.analyze(func(res *analyzer.Result) error {
		b.Add(res.Service, res.Scoped, res.Methods) // compiled while the next is analysed
		return nil
	})
	// A contract that does not compile is reported first: the analysis
	// would have stopped there.
	entries, cerr := b.Entries()
	var ce *manifest.CompileError
	if errors.As(cerr, &ce) {
		return manifest.File{}, Failf("service %s: %v", ce.Service, ce.Err).
			WithHint("Fix the service declaration; the contract cannot be hashed as it stands.")
	}
	if err != nil {
		return manifest.File{}, err
	}
	return manifest.File{Entries: entries, Array: len(entries) > 1}, nil
}

// analysisError turns a front-end failure into the error the user sees.
func analysisError(err error) error {
	var pos *analyzer.Error
	var imp *python.ImportError
	var attr *python.AttributeError
	var notSvc *python.NotServiceError
	var runtimeImp *python.RuntimeImportError
	switch {
	case errors.As(err, &pos):
		return &Error{Msg: pos.Error(), Hint: pos.Hint, Code: 1}
	case errors.As(err, &imp):
		if len(imp.Searched) == 0 {
			return Failf("%s", err).WithHint("Check the module name.")
		}
		return Failf("%s", err).WithHint("Searched: %s; check the name or add its root with --python-path.", strings.Join(imp.Searched, ", "))
	case errors.As(err, &attr):
		return Failf("%s", err).WithHint("Check the class name after the colon of --service.")
	case errors.As(err, &notSvc):
		return Failf("%s", err).WithHint("Name a class decorated with @service, or add the decorator.")
	case errors.As(err, &runtimeImp) && runtimeImp.Hint != "":
		return Failf("%s", err).WithHint("%s.", runtimeImp.Hint)
	case errors.As(err, &runtimeImp):
		return Failf("%s", err).WithHint("aster 0.2.0 does not have it, so the Aster runtime cannot import the module either; import only what aster 0.2.0 provides.")
	}
	return Failf("%s", err)
}

// regenerateCommand is the gen command line that rewrites path for the
// same services (what pyproject.toml gives is left to it); semver is the
// value to keep, if any.
func (s *services) regenerateCommand(path string, semver *string) string {
	args := []string{"aster", "contract", "gen"}
	if s.goMode {
		args = append(args, "--go")
		for _, p := range s.goPatterns() {
			args = append(args, shellQuote(p))
		}
	}
	for _, spec := range s.givenSpecs {
		args = append(args, "--service", shellQuote(spec))
	}
	for _, dir := range s.givenPythonPath {
		args = append(args, "--python-path", shellQuote(dir))
	}
	if !s.manifestFromProject {
		args = append(args, "--out", shellQuote(path))
	}
	if semver != nil {
		args = append(args, "--semver", shellQuote(*semver))
	}
	return strings.Join(args, " ")
}

// goPatterns are the Go package patterns, "." when none were given.
func (s *services) goPatterns() []string {
	if len(s.patterns) == 0 {
		return []string{"."}
	}
	return s.patterns
}

// shellQuote quotes s for a POSIX shell when it holds anything but plain
// word characters.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:@%+=,-") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
