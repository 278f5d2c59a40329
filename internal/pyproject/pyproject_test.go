package pyproject

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFindUpwards reads the closest file with [tool.aster], passing over
// one without it, and gives its paths relative to the current directory.
func TestFindUpwards(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, FileName), `
[project]
name = "x"

[tool.ruff]
line-length = 100

[tool.aster]
services = ["a.b:C", "d:E"]
python-path = ["src", "/abs/lib"]
out = "build/m.json"
strict = true
`)
	write(t, filepath.Join(root, "pkg", FileName), "[project]\nname = \"inner\"\n")
	cwd := filepath.Join(root, "pkg", "deep")
	if err := os.MkdirAll(cwd, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := Find(cwd)
	if err != nil {
		t.Fatal(err)
	}
	want := &Settings{
		File:       filepath.Join("..", "..", FileName),
		Services:   []string{"a.b:C", "d:E"},
		PythonPath: []string{filepath.Join("..", "..", "src"), "/abs/lib"},
		Dir:        filepath.Join("..", ".."),
		Manifest:   filepath.Join("..", "..", "build", "m.json"),
		Strict:     true,
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("got  %+v\nwant %+v", s, want)
	}
	if got, want := s.SearchPath(), []string{filepath.Join("..", "..", "src"), "/abs/lib", filepath.Join("..", ".."), filepath.Join("..", "..", "src")}; !reflect.DeepEqual(got, want) {
		t.Errorf("SearchPath = %v, want %v", got, want)
	}
	s, err = Find(root)
	if err != nil || s.Dir != "." || s.File != FileName || len(s.SearchPath()) != 2 {
		t.Errorf("from the project directory: %+v, %v", s, err)
	}
}

// TestNone: no file with [tool.aster] up to the root gives nil.
func TestNone(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, FileName), "[project]\nname = \"x\"\n")
	if s, err := Find(dir); s != nil || err != nil {
		t.Errorf("got %+v, %v", s, err)
	}
}

// TestErrors: every bad table is an *Error naming the file and the key.
func TestErrors(t *testing.T) {
	for _, c := range []struct{ text, msg string }{
		{"[tool.aster]\nservices = \"a:B\"\n", "services must be an array of strings"},
		{"[tool.aster]\nservices = [1]\n", "services must be an array of strings"},
		{"[tool.aster]\nservices = [\"a.B\"]\n", `"a.B" is not of the form module:ClassName`},
		{"[tool.aster]\npython-path = \"src\"\n", "python-path must be an array of strings"},
		{"[tool.aster]\nout = \"\"\n", "out must be a non-empty string"},
		{"[tool.aster]\nout = \"a\"\nmanifest = \"b\"\n", "sets both out and manifest"},
		{"[tool.aster]\nstrict = \"yes\"\n", "strict must be true or false"},
		{"[tool.aster]\nservice = []\n", `unknown key "service"`},
		{"[tool]\naster = 1\n", "tool.aster must be a table"},
		{"[tool.aster\n", "invalid TOML: line 1, column"},
	} {
		dir := t.TempDir()
		write(t, filepath.Join(dir, FileName), c.text)
		_, err := Find(dir)
		e, ok := err.(*Error)
		if !ok || !strings.HasPrefix(e.Msg, FileName+": ") || !strings.Contains(e.Msg, c.msg) || e.Hint == "" {
			t.Errorf("%q: got %v, want an error with %q and a hint", c.text, err, c.msg)
		}
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, FileName), "[tool.aster]\nout = \"a\"\nmanifest = \"a\"\n")
	if s, err := Find(dir); err != nil || s.Manifest != "a" {
		t.Errorf("out and manifest alike: %+v, %v", s, err)
	}
}
