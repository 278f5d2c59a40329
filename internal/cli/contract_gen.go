package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/golang"
	"github.com/asterkit/aster/analyzer/python"
	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/atomicfile"
	"github.com/asterkit/aster/internal/publish"
	"github.com/asterkit/aster/internal/pyjson"
)

func init() {
	register(&Command{
		Path:    "contract gen",
		Summary: "Analyse service sources statically and write the contract manifest",
		Usage:   "aster contract gen --service MODULE:CLASS [--service …] [--out PATH] [--python-path DIR …] [--semver VERSION] [--strict]",
		Example: "aster contract gen --service shop.orders:OrderService --out .aster/manifest.json",
		Run:     runContractGen,
	})
}

func runContractGen(c *Context) error {
	var svcs services
	svcs.define(c)
	out := c.Flags.String("out", defaultManifest, "write the manifest to `PATH`")
	semver := c.Flags.String("semver", "", "record `VERSION` as every entry's semver")
	if err := c.Parse(); err != nil {
		return err
	}
	if err := svcs.validate(c); err != nil {
		return err
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
		pub.Semver = semver
	}
	file, err := svcs.manifest(pub)
	if err != nil {
		return err
	}
	old, _ := os.ReadFile(*out)
	data, same, err := publish.Stable(file, old)
	if err != nil {
		return Failf("cannot write the manifest: %v", err)
	}
	if same {
		fmt.Fprintf(c.Stdout, "Contract manifest unchanged: %s\n", *out)
		printEntries(c.Stdout, file)
		return nil
	}
	if err := atomicfile.Write(*out, data, 0o644); err != nil {
		return Failf("cannot write %s: %v", *out, unwrapPath(err)).
			WithHint("Check that the directory is writable, or choose another --out.")
	}
	fmt.Fprintf(c.Stdout, "Contract manifest written to: %s\n", *out)
	printEntries(c.Stdout, file)
	return nil
}

// printEntries writes the per-service lines that follow gen's and check's
// first line.
func printEntries(w io.Writer, file manifest.File) {
	for _, e := range file.Entries {
		fmt.Fprintf(w, "  %s v%d  contract_id=%s...  methods=%d\n",
			e.Service, e.Version, e.ContractID[:min(16, len(e.ContractID))], e.MethodCount)
	}
}

// services is the selection of services that gen and check share: the
// Python --service specs and where their modules are found, or the Go
// packages given after --go.
type services struct {
	warnings   io.Writer // where analysis warnings are printed
	specs      []string
	pythonPath []string
	goMode     bool
	patterns   []string
	strict     bool
}

func (s *services) define(c *Context) {
	s.warnings = c.Stderr
	c.Flags.StringArrayVar(&s.specs, "service", nil, "a Python service as `MODULE:CLASS` (repeatable; manifest order)")
	c.Flags.StringArrayVar(&s.pythonPath, "python-path", nil, "search `DIR` for modules before $PYTHONPATH, . and ./src (repeatable)")
	c.Flags.BoolVar(&s.goMode, "go", false, "analyse Go service interfaces in the packages given as arguments (go list patterns; default .)")
	c.Flags.BoolVar(&s.strict, "strict", false, "make every analysis warning an error (exit 1, nothing written)")
}

// validate reports a missing --service the way argparse does, and a spec
// without a colon, before any work is done.
func (s *services) validate(c *Context) error {
	if s.goMode {
		if len(s.specs) > 0 || len(s.pythonPath) > 0 {
			return Usagef("--go cannot be combined with --service or --python-path").
				WithHint("Write the Python and the Go services to separate manifests.")
		}
		s.patterns = c.Args
		return nil
	}
	if len(c.Args) > 0 {
		return Usagef("unexpected argument %s", c.Args[0]).
			WithHint("Run '%s --help' for usage.", c.cmd.fullName())
	}
	if len(s.specs) == 0 {
		fmt.Fprintf(c.Stderr, "usage: %s\n%s: error: the following arguments are required: --service\n",
			c.cmd.Usage, c.cmd.fullName())
		return &Exit{Code: 2}
	}
	for _, spec := range s.specs {
		if !strings.Contains(spec, ":") {
			return Usagef("--service must be of the form module:ClassName, got %s", pyjson.OSStrRepr(spec)).
				WithHint("Name the module and the class, e.g. --service shop.orders:OrderService.")
		}
	}
	return nil
}

// analyze runs the front end on every spec, in order, handing each
// service to each as soon as it is analysed; the first failure stops it.
func (s *services) analyze(each func(*analyzer.Result) error) error {
	dir, err := os.Getwd()
	if err != nil {
		return Failf("cannot read the current directory: %v", err)
	}
	if s.goMode {
		results, err := golang.Analyze(dir, s.patterns...)
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
	warn := func(w *analyzer.Error) { fmt.Fprintf(s.warnings, "Warning: %s\n", w.Error()) }
	loader := python.NewLoader(python.Options{PythonPath: s.pythonPath, Dir: dir, Warn: warn, Strict: s.strict})
	loader.Prefetch(s.specs...)
	for _, spec := range s.specs {
		res, err := loader.Service(spec)
		if err != nil {
			return analysisError(err)
		}
		if err := each(res); err != nil {
			return err
		}
	}
	return nil
}

// manifest analyses and compiles every service and builds the manifest
// file gen writes: an object for one service, an array for several.
func (s *services) manifest(pub manifest.Publication) (manifest.File, error) {
	var file manifest.File
	err := s.analyze(func(res *analyzer.Result) error {
		compiled, err := contract.Compile(res.Service)
		if err != nil {
			return Failf("service %s: %v", res.Service.Name, err).
				WithHint("Fix the service declaration; the contract cannot be hashed as it stands.")
		}
		file.Entries = append(file.Entries, manifest.Build(compiled, res.Scoped, res.Methods, pub))
		return nil
	})
	file.Array = len(file.Entries) > 1
	return file, err
}

// analysisError turns a front-end failure into the error the user sees.
func analysisError(err error) error {
	var pos *analyzer.Error
	var imp *python.ImportError
	var attr *python.AttributeError
	var notSvc *python.NotServiceError
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
	}
	return Failf("%s", err)
}

// regenerateCommand is the gen command line that rewrites path for the
// same services; semver is the value to keep, if any.
func (s *services) regenerateCommand(path string, semver *string) string {
	args := []string{"aster", "contract", "gen"}
	if s.goMode {
		args = append(args, "--go")
		for _, p := range s.goPatterns() {
			args = append(args, shellQuote(p))
		}
	}
	for _, spec := range s.specs {
		args = append(args, "--service", shellQuote(spec))
	}
	for _, dir := range s.pythonPath {
		args = append(args, "--python-path", shellQuote(dir))
	}
	args = append(args, "--out", shellQuote(path))
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
