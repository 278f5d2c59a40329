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

	"github.com/dave/jennifer/jen"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/golang"
	"github.com/asterkit/aster/contract"
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
// gofmt'ed, deterministic, importing only the standard library and the
// analysed module's packages, one constant per service.
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
				if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") && !strings.HasPrefix(path, "example.com/vectors/") {
					t.Errorf("imports %s, neither the standard library nor the analysed module", path)
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

// TestFormattedGuards checks that the guards written without gofmt are
// byte for byte what jennifer and gofmt write, for every fixture and for
// structs with every kind of field type, and that the fast path is taken
// where it applies.
func TestFormattedGuards(t *testing.T) {
	dir, _ := filepath.Abs(fixtureDir)
	pkgs := loadFixtures(t, dir)
	pkgs = append(pkgs, allKinds()...)
	fastSeen := 0
	for _, p := range pkgs {
		fast, err := contractFile(p, fakeIDs(p), true)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := contractFile(p, fakeIDs(p), false)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fast, slow) {
			t.Errorf("%s: written guards differ from gofmt's:\n%s\n----\n%s", p.Name, fast, slow)
		}
		if formatted, err := format.Source(fast); err != nil || !bytes.Equal(formatted, fast) {
			t.Errorf("%s: not gofmt'ed (%v)", p.Name, err)
		}
		var b bytes.Buffer
		if formattedGuards(&b, jen.NewFile(p.Name), p, importNames(p)) {
			fastSeen++
		}
	}
	if fastSeen < 5 {
		t.Errorf("the fast path applied to %d packages only", fastSeen)
	}
}

// TestFormattedGuardsRefuse checks the shapes left to gofmt: for each, the
// fast path writes nothing and the file is still what gofmt gives.
func TestFormattedGuardsRefuse(t *testing.T) {
	named := func(path, pkg, name string) *golang.GoType {
		return &golang.GoType{Kind: golang.Named, Path: path, PkgName: pkg, Name: name}
	}
	str := named("", "", "string")
	for _, c := range []struct {
		name  string
		field *golang.StructField
	}{
		{"embedded", &golang.StructField{Type: named("", "", "Base")}},
		{"struct-typed field", &golang.StructField{Name: "S", Type: &golang.GoType{Kind: golang.StructType,
			Fields: []*golang.StructField{{Name: "A", Type: str}}}}},
		{"channel of channels", &golang.StructField{Name: "C", Type: &golang.GoType{Kind: golang.Chan,
			Elem: &golang.GoType{Kind: golang.Chan, Dir: golang.RecvOnly, Elem: str}}}},
		{"non-ASCII field", &golang.StructField{Name: "Größe", Type: str}},
		{"tag with a backquote", &golang.StructField{Name: "B", Type: str, Tag: "json:\"b`\""}},
		{"tag with a tab", &golang.StructField{Name: "T", Type: str, Tag: "json:\"a\tb\""}},
		{"non-ASCII tag", &golang.StructField{Name: "U", Type: str, Tag: `json:"größe"`}},
		{"clashing import names", &golang.StructField{Name: "J", Type: named("example.com/json", "json", "Value")}},
		{"non-ASCII import name", &golang.StructField{Name: "P", Type: named("example.com/paket", "päket", "T")}},
	} {
		p := &golang.Package{Name: "refuse", Structs: []*golang.Struct{{Type: named("", "", "W"), Fields: []*golang.StructField{c.field}}}}
		var b bytes.Buffer
		if formattedGuards(&b, jen.NewFile(p.Name), p, importNames(p)) || b.Len() > 0 {
			t.Errorf("%s: written without gofmt", c.name)
		}
		fast, err1 := contractFile(p, nil, true)
		slow, err2 := contractFile(p, nil, false)
		if err1 != nil || err2 != nil || !bytes.Equal(fast, slow) {
			t.Errorf("%s: %v %v, or the two ways differ", c.name, err1, err2)
		}
	}
}

// allKinds are packages whose services and wire structs use every type
// kind the fast path spells, a single struct, and a single empty struct.
func allKinds() []*golang.Package {
	named := func(path, pkg, name string, args ...*golang.GoType) *golang.GoType {
		return &golang.GoType{Kind: golang.Named, Path: path, PkgName: pkg, Name: name, Args: args}
	}
	str, i64 := named("", "", "string"), named("", "", "int64")
	wrap := func(k golang.TypeKind, elem *golang.GoType) *golang.GoType {
		return &golang.GoType{Kind: k, Elem: elem}
	}
	field := func(name string, t *golang.GoType, tag ...string) *golang.StructField {
		return &golang.StructField{Name: name, Type: t, Tag: strings.Join(tag, "")}
	}
	plain := &golang.Struct{Type: named("", "", "Plain"), Fields: []*golang.StructField{
		field("A", str, `json:"a"`),
		field("LongerName", wrap(golang.Pointer, named("", "", "Plain")), `json:"longer_name,omitempty" aster:"ln"`),
		field("When", named("time", "time", "Time")),
		field("List", wrap(golang.Slice, wrap(golang.Slice, wrap(golang.Pointer, named("", "", "Key")))), `aster:"list"`),
		field("Fixed", &golang.GoType{Kind: golang.Array, Len: 4, Elem: named("", "", "byte")}),
		field("M", &golang.GoType{Kind: golang.Map, Key: str, Elem: &golang.GoType{Kind: golang.StructType}}),
		field("Any", &golang.GoType{Kind: golang.EmptyInterface}),
		field("Recv", &golang.GoType{Kind: golang.Chan, Dir: golang.RecvOnly, Elem: i64}),
		field("Send", &golang.GoType{Kind: golang.Chan, Dir: golang.SendOnly, Elem: i64}),
		field("Both", &golang.GoType{Kind: golang.Chan, Elem: i64}),
		field("F0", &golang.GoType{Kind: golang.Func}),
		field("F1", &golang.GoType{Kind: golang.Func, Params: []*golang.GoType{str, i64}, Results: []*golang.GoType{named("", "", "error")}}),
		field("F2", &golang.GoType{Kind: golang.Func, Variadic: true, Params: []*golang.GoType{str, wrap(golang.Slice, i64)},
			Results: []*golang.GoType{str, &golang.GoType{Kind: golang.Func}}}),
		field("Seq", named("iter", "iter", "Seq2", wrap(golang.Pointer, named("", "", "Key")), named("", "", "error"))),
		field("x", named("", "", "bool"), `json:"x"`),
	}}
	one := &golang.Struct{Type: named("", "", "One"), Fields: []*golang.StructField{field("By", str, `json:"by"`)}}
	empty := &golang.Struct{Type: named("", "", "Empty")}
	shared := &golang.Struct{Type: named("example.com/shared", "shared", "Point"), Fields: []*golang.StructField{
		field("X", i64, `json:"x"`), field("Y", i64, `json:"y"`)}}
	ctx, errT := named("context", "context", "Context"), named("", "", "error")
	method := func(name string, req, resp *golang.GoType) *golang.Method {
		return &golang.Method{GoName: name, Params: []*golang.GoType{ctx, req}, Results: []*golang.GoType{resp, errT}}
	}
	service := func(iface, name string, methods ...*golang.Method) *golang.Service {
		return &golang.Service{Interface: iface, Methods: methods,
			Result: &analyzer.Result{Service: &contract.Service{Name: name, Version: 1}}}
	}
	services := []*golang.Service{
		service("Kinds", "Kinds",
			method("Get", wrap(golang.Pointer, named("", "", "Plain")), wrap(golang.Pointer, named("", "", "One"))),
			method("Watch", named("", "", "Empty"), named("iter", "iter", "Seq2", wrap(golang.Pointer, named("", "", "Plain")), errT)),
			method("Recv", &golang.GoType{Kind: golang.Chan, Dir: golang.RecvOnly, Elem: named("", "", "One")}, str),
			method("Raw", wrap(golang.Slice, named("", "", "byte")), &golang.GoType{Kind: golang.Map, Key: str, Elem: named("time", "time", "Duration")})),
		service("Single", "Single", method("Only", str, i64)),
	}
	enums := []*golang.EnumConst{
		{Type: named("", "", "Level"), Const: named("", "", "Low")},
		{Type: named("", "", "Level"), Const: named("", "", "High")},
		{Type: named("example.com/other", "other", "Mode"), Const: named("example.com/other", "other", "Fast")},
	}
	return []*golang.Package{
		{Name: "kinds", Path: "example.com/kinds", Services: services, Structs: []*golang.Struct{empty, one, plain, shared}, Enums: enums},
		{Name: "single", Path: "example.com/single", Structs: []*golang.Struct{one}},
		{Name: "nothing", Path: "example.com/nothing", Structs: []*golang.Struct{empty}},
	}
}

// TestContractFilesCompile writes every fixture's two Go files into a copy
// of the fixture module, vets it and runs the directive tests: every shape
// the analyzer accepts must give code that compiles, and the directives the
// analyzer records must be those the generated test reads back.
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
		if err := os.WriteFile(filepath.Join(p.Dir, golang.GeneratedFile), src, 0o644); err != nil {
			t.Fatal(err)
		}
		test, err := DirectivesTest(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p.Dir, golang.GeneratedTestFile), test, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(p.Dir, ".aster"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p.Dir, ".aster", "manifest.json"), []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-run", "^TestAsterDirectives$", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}
