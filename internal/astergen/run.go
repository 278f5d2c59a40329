package astergen

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/golang"
	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/atomicfile"
	"github.com/asterkit/aster/internal/publish"
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
	// Out, when set, receives the files instead of the package directory.
	Out string
	// Command is the command line that regenerates, shown on drift.
	Command string
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
		}{{p.manifestPath, p.manifestBytes}, {p.goPath, p.goBytes}} {
			wrote, err := atomicfile.WriteIfChanged(f.path, f.data, 0o644)
			if err != nil {
				return fail(o.Stderr, fmt.Sprintf("cannot write %s: %v", rel(o.Dir, f.path), err), "Check that the directory is writable.")
			}
			if wrote {
				fmt.Fprintf(o.Stdout, "aster-gen: wrote %s\n", rel(o.Dir, f.path))
			}
		}
	}
	return 0
}

// pkgOutput is what one service package gets.
type pkgOutput struct {
	pkg           *golang.Package
	manifestPath  string
	goPath        string
	file          manifest.File
	manifestBytes []byte
	goBytes       []byte
}

// plan analyses the packages and computes every output file.
func plan(o Options) ([]*pkgOutput, int) {
	// The publication metadata (git) is read while go list runs.
	type collected struct {
		meta publish.Metadata
		err  error
	}
	metaCh := make(chan collected, 1)
	go func() {
		m, err := publish.Source{Getenv: o.Getenv, Dir: o.Dir}.Collect()
		metaCh <- collected{m, err}
	}()
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
	c := <-metaCh
	meta, err := c.meta, c.err
	if err != nil {
		var ee *publish.EpochError
		if errors.As(err, &ee) {
			fmt.Fprintf(o.Stderr, "Error: SOURCE_DATE_EPOCH must be a whole number of seconds, got '%s'\n  Unset it or set it to the commit time, e.g. $(git log -1 --format=%%ct).\n", ee.Value)
			return nil, 2
		}
		return nil, fail(o.Stderr, err.Error(), "")
	}
	var outs []*pkgOutput
	for _, p := range model.Packages {
		out, err := render(p, o.Out, meta)
		if err != nil {
			return nil, analysisFailure(o.Stderr, err)
		}
		outs = append(outs, out)
	}
	return outs, 0
}

// render compiles a package's services and renders its two files. The
// manifest keeps the existing file's publication metadata when that is all
// that would change, so an unchanged contract never rewrites the file.
func render(p *golang.Package, outDir string, meta publish.Metadata) (*pkgOutput, error) {
	dir := p.Dir
	if outDir != "" {
		dir = outDir
	}
	out := &pkgOutput{
		pkg:          p,
		manifestPath: filepath.Join(dir, filepath.FromSlash(templates.ManifestPath)),
		goPath:       filepath.Join(dir, golang.GeneratedFile),
		file:         manifest.File{Array: len(p.Services) > 1},
	}
	compiled, err := compileAll(p.Services)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(compiled))
	for i, c := range compiled {
		ids[i] = c.ID.String()
	}
	// The Go file renders while the manifest is built.
	var goErr error
	goDone := make(chan struct{})
	go func() {
		defer close(goDone)
		out.goBytes, goErr = templates.ContractFile(p, ids)
	}()
	build := func(pubs []publish.Metadata) ([]byte, error) {
		f := manifest.File{Array: out.file.Array}
		for i, s := range p.Services {
			m := pubs[0]
			if len(pubs) > 1 {
				m = pubs[i]
			}
			f.Entries = append(f.Entries, manifest.Build(compiled[i], s.Result.Scoped, s.Result.Methods, manifest.Publication{
				VCSRevision: m.VCSRevision, VCSTag: m.VCSTag, VCSURL: m.VCSURL, PublishedAtEpochMS: m.PublishedAtEpochMS,
			}))
		}
		out.file = f
		return manifest.Marshal(f)
	}
	if old, rerr := os.ReadFile(out.manifestPath); rerr == nil {
		if prev, ok := publish.Previous(old, len(p.Services), out.file.Array); ok {
			if kept, err := build(prev); err == nil && bytes.Equal(kept, old) {
				out.manifestBytes = kept
			}
		}
	}
	if out.manifestBytes == nil {
		out.manifestBytes, err = build([]publish.Metadata{meta})
	}
	<-goDone
	if err != nil {
		return nil, err
	}
	if goErr != nil {
		return nil, goErr
	}
	return out, nil
}

// compileAll compiles the services' contracts, in parallel.
func compileAll(services []*golang.Service) ([]*contract.Compiled, error) {
	out := make([]*contract.Compiled, len(services))
	errs := make([]error, len(services))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, s := range services {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			c, err := contract.Compile(s.Result.Service)
			if err != nil {
				err = fmt.Errorf("service %s: %w", s.Result.Service.Name, err)
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
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}
