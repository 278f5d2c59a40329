package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteCreatesParentsAndMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "secret.key")
	if err := Write(path, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

func TestWriteKeepsStricterMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600 kept", st.Mode().Perm())
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Fatalf("content %q", b)
	}
}

func TestWriteRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, []byte("x"), 0o600); err == nil {
		t.Fatal("writing over a directory succeeded")
	}
}

func TestWriteIfChangedLeavesMtime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	if wrote, err := WriteIfChanged(path, []byte("same"), 0o644); err != nil || !wrote {
		t.Fatalf("first write: wrote=%v err=%v", wrote, err)
	}
	past := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(path, past, past); err != nil {
		t.Fatal(err)
	}
	if wrote, err := WriteIfChanged(path, []byte("same"), 0o644); err != nil || wrote {
		t.Fatalf("unchanged write: wrote=%v err=%v", wrote, err)
	}
	st, _ := os.Stat(path)
	if !st.ModTime().Equal(past) {
		t.Fatalf("mtime changed to %v", st.ModTime())
	}
	if wrote, err := WriteIfChanged(path, []byte("different"), 0o644); err != nil || !wrote {
		t.Fatalf("changed write: wrote=%v err=%v", wrote, err)
	}
}

// TestErrorsNameTheTarget: a failure on the temporary file (here its name,
// longer than the final one, is too long) is reported on the path asked
// for, never on the temporary file.
func TestErrorsNameTheTarget(t *testing.T) {
	path := filepath.Join(t.TempDir(), strings.Repeat("m", 250)+".json")
	err := Write(path, []byte("x"), 0o644)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != path {
		t.Fatalf("error %v, want a *fs.PathError on %s", err, path)
	}
	if strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("error names the temporary file: %v", err)
	}
	if err := WriteFile(path, []byte("x"), Options{Perm: 0o600, Exclusive: true}); !errors.As(err, &pe) || pe.Path != path {
		t.Errorf("exclusive write: %v", err)
	}
}

// pieces writes its strings one after the other, failing after the
// first fail of them when fail is set.
type pieces struct {
	parts []string
	fail  int
}

func (p pieces) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for i, s := range p.parts {
		if p.fail > 0 && i == p.fail {
			return n, errors.New("source failed")
		}
		k, err := io.WriteString(w, s)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// TestWriteFrom writes a document in pieces, then fails half-way through
// another: the file keeps the first, and no temporary file is left.
func TestWriteFrom(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "manifest.json")
	if err := WriteFrom(path, pieces{parts: []string{"[", "1,", "2", "]"}}, 0o644); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "[1,2]" {
		t.Fatalf("wrote %q", data)
	}
	err := WriteFrom(path, pieces{parts: []string{"[", "3", "]"}, fail: 2}, 0o644)
	if err == nil || !strings.Contains(err.Error(), "source failed") || !strings.Contains(err.Error(), path) {
		t.Fatalf("error %v, want the source's failure on %s", err, path)
	}
	if data, _ := os.ReadFile(path); string(data) != "[1,2]" {
		t.Fatalf("a failed write left %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}
