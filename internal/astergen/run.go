package astergen

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/golang"
	"github.com/asterkit/aster/analyzer/python"
	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/atomicfile"
	"github.com/asterkit/aster/internal/inputfile"
	"github.com/asterkit/aster/internal/publish"
	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/templates"
)

// Options configure one run of the generator.
type Options struct {
	// Dir is the working directory packages are resolved against.
	Dir string
	// Patterns are Go package patterns; none means ".".
	Patterns []string
	// Check compares instead of writing.
	Check bool
	// Out, when set, receives the files instead of the package directory
	// (for Python services: the directory of .aster/manifest.json, default
	// Dir).
	Out string
	// Python are MODULE:CLASS specs of Python services to analyse instead
	// of Go packages; they give a manifest only.
	Python []string
	// Strict makes the Python analysis warnings errors.
	Strict bool
	// Command is the command line that regenerates, shown on drift.
	Command string
	// Quiet prints only warnings and errors.
	Quiet bool
	// Getenv reads the environment (SOURCE_DATE_EPOCH); nil means os.Getenv.
	Getenv func(string) string
	Stdout io.Writer
	Stderr io.Writer
}

// Run generates (or, with Check, verifies) the files of every service
// package and returns the exit code: 0 success, 1 failure or drift, 2
// usage error.
func Run(o Options) int {
	outs, code := plan(o)
	if code != 0 {
		return code
	}
	if o.Check {
		return check(o, outs)
	}
	for _, p := range outs {
		for _, f := range []struct {
			path string
			data []byte
		}{{p.manifestPath, p.manifestBytes}, {p.goPath, p.goBytes}, {p.testPath, p.testBytes}} {
			if f.path == "" {
				continue
			}
			wrote, err := atomicfile.WriteIfChanged(f.path, f.data, 0o644)
			if err != nil {
				return fail(o.Stderr, fmt.Sprintf("cannot write %s: %v", rel(o.Dir, f.path), err), "Check that the directory is writable.")
			}
			if wrote && !o.Quiet {
				fmt.Fprintf(o.Stdout, "aster-gen: wrote %s\n", rel(o.Dir, f.path))
			}
		}
	}
	return 0
}

// pkgOutput is what one service package gets.
type pkgOutput struct {
	// label names the output in reports: the package path, or "Python
	// services".
	label         string
	services      int
	manifestPath  string
	goPath        string
	file          manifest.File
	manifestBytes []byte
	// goPath and goBytes are empty for Python services.
	goBytes []byte
	// testPath and testBytes, the directive test, are empty for Python
	// services and with -out (the test reads the directory it is in).
	testPath  string
	testBytes []byte
}

// plan analyses the packages and computes every output file.
func plan(o Options) ([]*pkgOutput, int) {
	// The publication metadata (git) is read while go list runs.
	metaCh := make(chan collected, 1)
	go func() {
		m, err := publish.Source{Getenv: o.Getenv, Dir: o.Dir}.Collect()
		metaCh <- collected{m, err}
	}()
	if len(o.Python) > 0 {
		return planPython(o, metaCh)
	}
	pkgs, err := golang.Load(o.Dir, o.Patterns)
	if err != nil {
		return nil, analysisFailure(o.Stderr, err)
	}
	model, err := golang.Build(o.Dir, pkgs)
	if err != nil {
		return nil, analysisFailure(o.Stderr, err)
	}
	for _, w := range model.Warnings {
		fmt.Fprintf(o.Stderr, "Warning: %s\n", w)
	}
	if len(model.Packages) == 0 {
		return nil, fail(o.Stderr, "no //aster:service interface in "+patternText(o.Patterns),
			"Declare a service with //aster:service in an interface's doc comment, or pass the packages that have one.")
	}
	if o.Out != "" && len(model.Packages) > 1 {
		fmt.Fprintf(o.Stderr, "Error: -out needs exactly one service package, found %d\n  Drop -out to write into each package's directory.\n", len(model.Packages))
		return nil, 2
	}
	meta, code := publication(o, metaCh)
	if code != 0 {
		return nil, code
	}
	// The packages render in parallel; the first failure in package order
	// is reported.
	outs := make([]*pkgOutput, len(model.Packages))
	errs := make([]error, len(model.Packages))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range model.Packages {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			outs[i], errs[i] = render(p, o.Out, meta)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, analysisFailure(o.Stderr, err)
		}
	}
	return outs, 0
}

// collected is the publication metadata read in the background.
type collected struct {
	meta publish.Metadata
	err  error
}

// publication waits for the publication metadata; a bad SOURCE_DATE_EPOCH
// is a usage error.
func publication(o Options, ch <-chan collected) (publish.Metadata, int) {
	c := <-ch
	if c.err != nil {
		var ee *publish.EpochError
		if errors.As(c.err, &ee) {
			fmt.Fprintf(o.Stderr, "Error: SOURCE_DATE_EPOCH must be a whole number of seconds, got '%s'\n  Unset it or set it to the commit time, e.g. $(git log -1 --format=%%ct).\n", ee.Value)
			return c.meta, 2
		}
		return c.meta, fail(o.Stderr, c.err.Error(), "")
	}
	return c.meta, 0
}

// planPython analyses the Python service specs, in order, into one
// manifest (no Go file).
func planPython(o Options, metaCh <-chan collected) ([]*pkgOutput, int) {
	if len(o.Patterns) > 0 {
		fmt.Fprintf(o.Stderr, "Error: -python cannot be combined with Go packages (%s)\n  Run aster-gen once for the Go packages and once for the Python services.\n", strings.Join(o.Patterns, " "))
		return nil, 2
	}
	warn := func(w *analyzer.Error) { fmt.Fprintf(o.Stderr, "Warning: %s\n", w.Error()) }
	loader := python.NewLoader(python.Options{Dir: o.Dir, Env: o.Getenv, Warn: warn, Strict: o.Strict})
	loader.Prefetch(o.Python...)
	var results []*analyzer.Result
	for _, spec := range o.Python {
		if !strings.Contains(spec, ":") {
			fmt.Fprintf(o.Stderr, "Error: -python must be of the form module:ClassName, got %s\n  For example: aster-gen -python services.echo:EchoService\n", pyjson.StrRepr(spec))
			return nil, 2
		}
		res, err := loader.Service(spec)
		if err != nil {
			return nil, analysisFailure(o.Stderr, err)
		}
		results = append(results, res)
	}
	meta, code := publication(o, metaCh)
	if code != 0 {
		return nil, code
	}
	dir := o.Out
	if dir == "" {
		dir = o.Dir
	}
	out := &pkgOutput{label: "Python services", services: len(results),
		manifestPath: filepath.Join(dir, filepath.FromSlash(templates.ManifestPath))}
	compiled, err := compileAll(results)
	if err == nil {
		err = out.buildManifest(results, compiled, meta, readFile(out.manifestPath))
	}
	if err != nil {
		return nil, analysisFailure(o.Stderr, err)
	}
	return []*pkgOutput{out}, 0
}

// render compiles a package's services and renders its two files.
func render(p *golang.Package, outDir string, meta publish.Metadata) (*pkgOutput, error) {
	dir := p.Dir
	if outDir != "" {
		dir = outDir
	}
	out := &pkgOutput{
		label:        p.Path,
		services:     len(p.Services),
		manifestPath: filepath.Join(dir, filepath.FromSlash(templates.ManifestPath)),
		goPath:       filepath.Join(dir, golang.GeneratedFile),
	}
	results := make([]*analyzer.Result, len(p.Services))
	for i, s := range p.Services {
		results[i] = s.Result
	}
	// The existing manifest is read while the contracts compile.
	prevCh := make(chan []byte, 1)
	go func() { prevCh <- readFile(out.manifestPath) }()
	compiled, err := compileAll(results)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(compiled))
	for i, c := range compiled {
		ids[i] = c.ID.String()
	}
	// The Go files render while the manifest is built.
	var goErr, testErr error
	var wg sync.WaitGroup
	wg.Go(func() { out.goBytes, goErr = templates.ContractFile(p, ids) })
	if outDir == "" {
		out.testPath = filepath.Join(dir, golang.GeneratedTestFile)
		wg.Go(func() { out.testBytes, testErr = templates.DirectivesTest(p) })
	}
	err = out.buildManifest(results, compiled, meta, <-prevCh)
	wg.Wait()
	return out, errors.Join(err, goErr, testErr)
}

// buildManifest sets the manifest file and its bytes; an unchanged
// contract keeps the existing file's bytes (publish.Stable). old is the
// existing file, nil when there is none.
func (out *pkgOutput) buildManifest(results []*analyzer.Result, compiled []*contract.Compiled, meta publish.Metadata, old []byte) error {
	out.file = manifest.File{Array: len(results) > 1}
	for i, r := range results {
		out.file.Entries = append(out.file.Entries, manifest.Build(compiled[i], r.Scoped, r.Methods, manifest.Publication{
			VCSRevision: meta.VCSRevision, VCSTag: meta.VCSTag, VCSURL: meta.VCSURL, PublishedAtEpochMS: meta.PublishedAtEpochMS,
		}))
	}
	text, same := publish.Stable(out.file, old)
	if same {
		out.manifestBytes = old
		return nil
	}
	var err error
	out.manifestBytes, err = text.Bytes()
	return err
}

// readFile is the content of path, nil when it cannot be read.
func readFile(path string) []byte {
	data, _ := inputfile.Read(path, inputfile.Manifest)
	return data
}

// compileAll compiles the services' contracts, in parallel.
func compileAll(results []*analyzer.Result) ([]*contract.Compiled, error) {
	out := make([]*contract.Compiled, len(results))
	errs := make([]error, len(results))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, r := range results {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			c, err := contract.CompileIDs(r.Service)
			if err != nil {
				err = fmt.Errorf("service %s: %w", r.Service.Name, err)
			}
			out[i], errs[i] = c, err
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// analysisFailure prints an analysis or load error and returns 1.
func analysisFailure(w io.Writer, err error) int {
	var ae *analyzer.Error
	if errors.As(err, &ae) {
		hint := ae.Hint
		if hint == "" {
			hint = "Fix the declaration and run aster-gen again."
		}
		return fail(w, ae.Error(), hint)
	}
	return fail(w, err.Error(), "Fix the declaration and run aster-gen again.")
}

// fail prints "Error: msg" and the hint, and returns 1.
func fail(w io.Writer, msg, hint string) int {
	fmt.Fprintf(w, "Error: %s\n", msg)
	if hint != "" {
		r, n := utf8.DecodeRuneInString(hint)
		fmt.Fprintf(w, "  %c%s\n", unicode.ToUpper(r), hint[n:])
	}
	return 1
}

func patternText(patterns []string) string {
	if len(patterns) == 0 {
		return "the current directory"
	}
	return strings.Join(patterns, " ")
}

// rel shows path relative to dir when it lies inside it.
func rel(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

// readIfExists reads a file; a missing file gives nil and no error.
func readIfExists(path string) ([]byte, error) {
	data, err := inputfile.Read(path, inputfile.Manifest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}
