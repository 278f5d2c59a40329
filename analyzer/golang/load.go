// Package golang is the Go front end: it reads //aster:service interfaces
// and //aster:wire_type structs with go/packages and go/types and maps them
// onto the contract model, as docs/go.md describes.
package golang

import (
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/asterkit/aster/analyzer"
)

// LoadMode is the one packages.Load mode the front end uses; it never
// loads dependencies from source.
const LoadMode = packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
	packages.NeedTypes | packages.NeedTypesInfo

// GeneratedFile is the name of the Go file aster-gen writes in each
// service package.
const GeneratedFile = "aster_contract.go"

// GeneratedTestFile is the name of the test aster-gen writes next to
// GeneratedFile: it checks the package's //aster: directives.
const GeneratedTestFile = "aster_contract_test.go"

// Load loads the packages matching patterns (relative to dir) with one
// packages.Load call. Errors in a package's generated aster_contract.go are
// ignored, since a stale file is exactly what regenerating repairs; any
// other load or type error fails.
func Load(dir string, patterns []string) ([]*packages.Package, error) {
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	cfg := &packages.Config{Mode: LoadMode, Dir: dir}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, &analyzer.Error{File: dir, Msg: "cannot load Go packages: " + err.Error(),
			Hint: "check the package patterns and that `go list` works here"}
	}
	if len(pkgs) == 0 {
		return nil, &analyzer.Error{File: dir, Msg: "no Go packages match " + strings.Join(patterns, " "),
			Hint: "run aster-gen in a package directory or pass package patterns such as ./..."}
	}
	var first *packages.Error
	for _, p := range pkgs {
		for _, e := range p.Errors {
			if ignorableLoadError(e) {
				continue
			}
			if e.Kind == packages.TypeError || e.Kind == packages.ParseError {
				return nil, loadError(dir, e)
			}
			if first == nil {
				first = &e
			}
		}
	}
	if first != nil {
		return nil, loadError(dir, *first)
	}
	return pkgs, nil
}

// ignorableLoadError reports whether e comes from a stale generated file:
// a type error inside aster_contract.go, or its embed pattern before the
// manifest exists.
func ignorableLoadError(e packages.Error) bool {
	file, _, _ := splitPos(e.Pos)
	if filepath.Base(file) == GeneratedFile || strings.Contains(e.Msg, "pattern .aster/manifest.json") {
		return true
	}
	if e.Pos != "" || !strings.HasPrefix(e.Msg, "# ") {
		return false
	}
	// Compiler output of `go list -export`: ignorable when every error
	// line is in the generated file.
	for _, line := range strings.Split(e.Msg, "\n")[1:] {
		if line != "" && !strings.HasPrefix(line, "\t") && !strings.Contains(line, GeneratedFile+":") {
			return false
		}
	}
	return true
}

func loadError(dir string, e packages.Error) *analyzer.Error {
	file, line, col := splitPos(e.Pos)
	if file == "" || file == "-" {
		file, line, col = dir, 0, 0 // no position: the error is the directory's
	}
	return &analyzer.Error{File: relPath(dir, file), Line: line, Col: col, Msg: e.Msg,
		Hint: "fix the Go error first; aster-gen analyses type-checked code"}
}

// splitPos splits a packages.Error position "file:line:col" (line and col
// may be missing).
func splitPos(pos string) (string, int, int) {
	parts := strings.Split(pos, ":")
	nums := []int{}
	for len(parts) > 1 && len(nums) < 2 {
		n, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		parts = parts[:len(parts)-1]
	}
	for len(nums) < 2 {
		nums = append(nums, 1)
	}
	return strings.Join(parts, ":"), nums[0], nums[1]
}

// relPath returns path relative to dir when it lies inside dir.
func relPath(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

// Analyze loads the packages matching patterns from dir and returns one
// result per service, sorted by service name (then version).
func Analyze(dir string, patterns ...string) ([]*analyzer.Result, error) {
	pkgs, err := Load(dir, patterns)
	if err != nil {
		return nil, err
	}
	model, err := Build(dir, pkgs)
	if err != nil {
		return nil, err
	}
	var out []*analyzer.Result
	for _, p := range model.Packages {
		for _, s := range p.Services {
			out = append(out, s.Result)
		}
	}
	sortResults(out)
	return out, nil
}

// Model is what Build returns: the service packages and warnings.
type Model struct {
	// Packages are the loaded packages that declare services, sorted by
	// import path.
	Packages []*Package
	// Warnings are things worth telling the user that do not stop the run.
	Warnings []string
}
