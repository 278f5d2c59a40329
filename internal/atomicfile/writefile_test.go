//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// withUmask runs the test under umask mask.
func withUmask(t *testing.T, mask int) {
	old := syscall.Umask(mask)
	t.Cleanup(func() { syscall.Umask(old) })
}

// wantMode fails the test unless path has mode perm.
func wantMode(t *testing.T, path string, perm fs.FileMode) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != perm {
		t.Errorf("%s: mode %v, want %v", path, st.Mode().Perm(), perm)
	}
}

// wantOnly fails the test unless dir holds exactly one entry (no
// temporary file left behind).
func wantOnly(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 {
		t.Errorf("%s holds %v (%v), want one file", dir, entries, err)
	}
}

func TestWriteFileModesFollowUmask(t *testing.T) {
	withUmask(t, 0o027)
	top := t.TempDir()
	path := filepath.Join(top, "a", "b", "pub")
	if err := WriteFile(path, []byte("x"), Options{Perm: 0o644, DirPerm: 0o700}); err != nil {
		t.Fatal(err)
	}
	wantMode(t, path, 0o640)
	wantMode(t, filepath.Join(top, "a"), 0o700)
	wantMode(t, filepath.Join(top, "a", "b"), 0o700)
	wantOnly(t, filepath.Dir(path))

	other := filepath.Join(top, "c", "f")
	if err := WriteFile(other, []byte("x"), Options{Perm: 0o600}); err != nil {
		t.Fatal(err)
	}
	wantMode(t, filepath.Dir(other), 0o750) // zero DirPerm is 0755
}

func TestWriteFileReplacesModeToo(t *testing.T) {
	withUmask(t, 0o022)
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("old"), 0o400); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new"), Options{Perm: 0o600}); err != nil {
		t.Fatal(err)
	}
	wantMode(t, path, 0o600)
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("content %q", b)
	}
	wantOnly(t, filepath.Dir(path))
}

func TestWriteFileExclusive(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "key")
	if err := WriteFile(path, []byte("first"), Options{Perm: 0o600, Exclusive: true}); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, []byte("second"), Options{Perm: 0o600, Exclusive: true})
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second exclusive write: %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("refused write changed the file to %q", b)
	}
	wantOnly(t, dir)

	link := filepath.Join(t.TempDir(), "dangling")
	if err := os.Symlink(filepath.Join(dir, "missing"), link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("x"), Options{Perm: 0o600, Exclusive: true}); !errors.Is(err, fs.ErrExist) {
		t.Errorf("exclusive write over a dangling link: %v, want fs.ErrExist", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Error("exclusive write followed a dangling link")
	}
}

func TestWriteFileErrors(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(filepath.Join(blocker, "x"), []byte("x"), Options{Perm: 0o600}); err == nil || errors.Is(err, fs.ErrExist) {
		t.Errorf("write under a file: %v", err)
	}
	if err := WriteFile(dir, []byte("x"), Options{Perm: 0o600}); err == nil || errors.Is(err, fs.ErrExist) {
		t.Errorf("write over a directory: %v", err)
	}
	wantOnly(t, dir)
}

func TestWriteSetsModeExactly(t *testing.T) {
	withUmask(t, 0o077)
	path := filepath.Join(t.TempDir(), "f")
	if err := Write(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	wantMode(t, path, 0o644)
}
