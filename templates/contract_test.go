package templates

import (
	"bytes"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/asterkit/aster/analyzer/golang"
)

// fixtureDir is the module with the Go twins of the vectors.
var fixtureDir = filepath.Join("..", "analyzer", "golang", "testdata", "vectors")

func loadFixtures(t *testing.T, dir string) []*golang.Package {
	t.Helper()
	pkgs, err := golang.Load(dir, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	m, err := golang.Build(dir, pkgs)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Packages) < 10 {
		t.Fatalf("only %d service packages", len(m.Packages))
	}
	return m.Packages
}

func fakeIDs(p *golang.Package) []string {
	ids := make([]string, len(p.Services))
	for i := range ids {
		ids[i] = fmt.Sprintf("%064x", i+1)
	}
	return ids
}

// TestContractFileShape checks every fixture's file: the header line,
// gofmt'ed, deterministic, standard-library imports only, one constant
// per service.
func TestContractFileShape(t *testing.T) {
	dir, _ := filepath.Abs(fixtureDir)
	for _, p := range loadFixtures(t, dir) {
		t.Run(p.Name, func(t *testing.T) {
			src, err := ContractFile(p, fakeIDs(p))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(src, []byte("// "+Header+"\n")) {
				t.Errorf("first line %q", strings.SplitN(string(src), "\n", 2)[0])
			}
			formatted, err := format.Source(src)
			if err != nil || !bytes.Equal(formatted, src) {
				t.Errorf("not gofmt'ed (%v)", err)
			}
			again, _ := ContractFile(p, fakeIDs(p))
			if !bytes.Equal(again, src) {
				t.Error("two renderings differ")
			}
			f, err := parser.ParseFile(token.NewFileSet(), "aster_contract.go", src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
					t.Errorf("imports %s", path)
				}
			}
			for i, s := range p.Services {
				if want := fmt.Sprintf("const %sContractID = %q", s.Interface, fakeIDs(p)[i]); !bytes.Contains(src, []byte(want)) {
					t.Errorf("lacks %s", want)
				}
			}
		})
	}
	if _, err := ContractFile(&golang.Package{Name: "x"}, []string{"1"}); err == nil {
		t.Error("ContractFile accepted more ids than services")
	}
}

// TestContractFilesCompile writes every fixture's file into a copy of the
// fixture module and vets it: every type the guards spell must compile.
func TestContractFilesCompile(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixtureDir)); err != nil {
		t.Fatal(err)
	}
	for _, p := range loadFixtures(t, dir) {
		src, err := ContractFile(p, fakeIDs(p))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p.Dir, "aster_contract.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(p.Dir, ".aster"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p.Dir, ".aster", "manifest.json"), []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
}
