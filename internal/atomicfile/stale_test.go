//go:build unix

package atomicfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/asterkit/aster/internal/filelock"
)

// TestStaleTempsRemoved leaves the temporary files a killed writer leaves
// (in this naming and the earlier one) and a live writer's locked one: the
// next write removes the first two and keeps the third.
func TestStaleTempsRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".aster-identity")
	stale := []string{path + ".tmp-AAAA", filepath.Join(dir, "..aster-identity.tmp-BBBB")}
	for _, s := range stale {
		if err := os.WriteFile(s, []byte("secret"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	live, err := os.OpenFile(path+".tmp-LIVE", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	if ok, err := filelock.TryLock(live); !ok || err != nil {
		t.Fatalf("TryLock = %v, %v", ok, err)
	}
	other := filepath.Join(dir, "other.tmp-CCCC")
	if err := os.WriteFile(other, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, s := range stale {
		if _, err := os.Lstat(s); err == nil {
			t.Errorf("stale %s survived", filepath.Base(s))
		}
	}
	for _, keep := range []string{live.Name(), other} {
		if _, err := os.Lstat(keep); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(keep), err)
		}
	}
}

// TestTempNamesCoveredByPattern checks the naming the .gitignore entry of
// enroll node relies on: every temporary file of NAME starts with NAME.
func TestTempNamesCoveredByPattern(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "node.id")
	p, err := Prepare(path, []byte("x"), Options{Perm: 0o600})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Abort()
	matches, _ := filepath.Glob(path + "*")
	if len(matches) != 1 || matches[0] == path {
		t.Fatalf("temporary files matching node.id*: %v", matches)
	}
}

// TestPrepareAbort leaves the target and the directory as they were.
func TestPrepareAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := Prepare(path, []byte("new"), Options{Perm: 0o600})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Abort(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("content %q after Abort", b)
	}
	wantOnly(t, dir)
}

// TestFollowSymlink writes through a link, relative or dangling, and keeps
// the link; without the option the link is replaced.
func TestFollowSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "config.toml")
	if err := os.MkdirAll(filepath.Dir(real), 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "config.toml")
	if err := os.Symlink(filepath.Join("real", "config.toml"), link); err != nil {
		t.Fatal(err)
	}
	for _, content := range []string{"first", "second"} { // dangling, then existing
		if err := WriteFile(link, []byte(content), Options{Perm: 0o600, FollowSymlink: true}); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("the link was replaced: %v", err)
		}
		if b, _ := os.ReadFile(real); string(b) != content {
			t.Fatalf("target holds %q, want %q", b, content)
		}
	}
	if err := Write(link, []byte("third"), 0o600); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink != 0 {
		t.Error("without FollowSymlink the link should be replaced")
	}
}

// TestRemoveStaleIn removes the unlocked temporary files of any file of
// a directory and nothing else.
func TestRemoveStaleIn(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"aster-root-a.tmp-X", ".aster-root-b.tmp-Y", "aster-root-c"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	RemoveStaleIn(dir)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "aster-root-c" {
		t.Errorf("left %v, want only aster-root-c", entries)
	}
}

// TestStaleReadOnlyTempRemoved: a killed Write of a 0400 file leaves a
// 0400 temporary file, which is removed all the same.
func TestStaleReadOnlyTempRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f")
	if err := os.WriteFile(path+".tmp-RO", nil, 0o400); err != nil {
		t.Fatal(err)
	}
	RemoveStale(path)
	if _, err := os.Lstat(path + ".tmp-RO"); err == nil {
		t.Error("read-only stale temporary file survived")
	}
}
