package astergen

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/testenv"
)

// copyFixture copies analyzer/golang/testdata/vectors (the module with the
// Go twins of the vectors) into a temporary directory.
func copyFixture(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "..", "analyzer", "golang", "testdata", "vectors")
	dst := t.TempDir()
	err := filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func run(t *testing.T, o Options) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	o.Stdout, o.Stderr = &stdout, &stderr
	o.Getenv = func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1767225600"
		}
		return ""
	}
	if o.Command == "" {
		o.Command = "aster-gen"
	}
	code := Run(o)
	return code, stdout.String(), stderr.String()
}

// TestMultiServiceManifest writes the two Notes versions of one package as
// an array, in service order, with the reference's contract ids.
func TestMultiServiceManifest(t *testing.T) {
	dir := copyFixture(t)
	if code, _, stderr := run(t, Options{Dir: dir, Patterns: []string{"./v05multi"}}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, err := manifest.Read(filepath.Join(dir, "v05multi", ".aster", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := manifest.Read(filepath.Join(testenv.Vectors(t), "05_versions", "manifest_multi.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !got.Array || len(got.Entries) != len(want.Entries) {
		t.Fatalf("array %v with %d entries, want %d", got.Array, len(got.Entries), len(want.Entries))
	}
	for i := range want.Entries {
		g, w := got.Entries[i], want.Entries[i]
		if g.Service != w.Service || g.Version != w.Version || g.ContractID != w.ContractID ||
			strings.Join(g.TypeHashes, ",") != strings.Join(w.TypeHashes, ",") {
			t.Errorf("entry %d: %s v%d %s, want %s v%d %s", i, g.Service, g.Version, g.ContractID, w.Service, w.Version, w.ContractID)
		}
	}
	src, err := os.ReadFile(filepath.Join(dir, "v05multi", "aster_contract.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"NotesV1ContractID = \"" + want.Entries[0].ContractID, "NotesV2ContractID = \"" + want.Entries[1].ContractID} {
		if !bytes.Contains(src, []byte(id)) {
			t.Errorf("aster_contract.go lacks %s", id)
		}
	}
}

// TestWritesOnlyOnChange runs twice, then again after the clock moved: the
// files keep their bytes and modification times.
func TestWritesOnlyOnChange(t *testing.T) {
	dir := copyFixture(t)
	pkg := filepath.Join(dir, "v01")
	if code, out, stderr := run(t, Options{Dir: pkg}); code != 0 || !strings.Contains(out, "wrote aster_contract.go") {
		t.Fatalf("exit %d: %s%s", code, out, stderr)
	}
	old := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	files := []string{filepath.Join(pkg, ".aster", "manifest.json"), filepath.Join(pkg, "aster_contract.go")}
	for _, f := range files {
		if err := os.Chtimes(f, old, old); err != nil {
			t.Fatal(err)
		}
	}
	o := Options{Dir: pkg, Getenv: func(string) string { return "" }}
	var stdout, stderr bytes.Buffer
	o.Stdout, o.Stderr, o.Command = &stdout, &stderr, "aster-gen"
	if code := Run(o); code != 0 || stdout.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if !st.ModTime().Equal(old) {
			t.Errorf("%s was rewritten", f)
		}
	}
}

// TestOut writes into another directory and checks from there.
func TestOut(t *testing.T) {
	dir := copyFixture(t)
	out := filepath.Join(t.TempDir(), "gen")
	if code, _, stderr := run(t, Options{Dir: dir, Patterns: []string{"./v03"}, Out: out}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{".aster/manifest.json", "aster_contract.go"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
		if _, err := os.Stat(filepath.Join(dir, "v03", f)); err == nil {
			t.Errorf("%s written into the package too", f)
		}
	}
	if code, stdout, stderr := run(t, Options{Dir: dir, Patterns: []string{"./v03"}, Out: out, Check: true}); code != 0 {
		t.Fatalf("check exit %d: %s%s", code, stdout, stderr)
	}
}

// TestCheckMissing reports missing files and the regenerate command.
func TestCheckMissing(t *testing.T) {
	dir := copyFixture(t)
	code, stdout, _ := run(t, Options{Dir: dir, Patterns: []string{"./v04"}, Check: true, Command: "aster-gen ./v04"})
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{"v04/.aster/manifest.json is missing", "v04/aster_contract.go is missing", "v04/aster_contract_test.go is missing",
		"Regenerate them with:\n  go generate ./...\n(where a //go:generate line runs aster-gen; or run: aster-gen ./v04)\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "v04", ".aster")); err == nil {
		t.Error("-check wrote files")
	}
}

// TestExampleUpToDate keeps examples/go's committed files current.
func TestExampleUpToDate(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "examples", "go"))
	if err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := run(t, Options{Dir: dir, Check: true}); code != 0 {
		t.Fatalf("examples/go is out of date (run go generate there): exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestMainUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"-nope"}, nil, &stdout, &stderr); code != 2 || !strings.HasPrefix(stderr.String(), "Error: flag provided but not defined: -nope\n  usage: aster-gen") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if got := withoutCheck([]string{"-check", "-out", "x", "./..."}); strings.Join(got, " ") != "-out x ./..." {
		t.Errorf("withoutCheck = %v", got)
	}
}

// TestPython writes the manifest of Python services byte for byte as the
// reference did (vectors 01 and the two-service 05 manifest).
func TestPython(t *testing.T) {
	vectors := testenv.Vectors(t)
	for _, c := range []struct {
		dir, want string
		files     []string
		specs     []string
	}{
		{"01_unary_basic", "manifest.json", []string{"svc_basic.py"}, []string{"svc_basic:EchoService"}},
		{"05_versions", "manifest_multi.json", []string{"svc_notes_v1.py", "svc_notes_v2.py"}, []string{"svc_notes_v1:NotesV1", "svc_notes_v2:NotesV2"}},
	} {
		t.Run(c.dir, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range c.files {
				data, err := os.ReadFile(filepath.Join(vectors, c.dir, f))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if code, stdout, stderr := run(t, Options{Dir: dir, Python: c.specs}); code != 0 {
				t.Fatalf("exit %d: %s%s", code, stdout, stderr)
			}
			got, err := os.ReadFile(filepath.Join(dir, ".aster", "manifest.json"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(vectors, c.dir, c.want))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("manifest differs from %s:\n%s", c.want, got)
			}
			if _, err := os.Stat(filepath.Join(dir, "aster_contract.go")); err == nil {
				t.Error("wrote aster_contract.go for Python services")
			}
			if code, stdout, stderr := run(t, Options{Dir: dir, Python: c.specs, Check: true}); code != 0 {
				t.Errorf("check: exit %d: %s%s", code, stdout, stderr)
			}
		})
	}
	if code, _, stderr := run(t, Options{Dir: t.TempDir(), Python: []string{"nocolon"}}); code != 2 || !strings.Contains(stderr, "got 'nocolon'") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
