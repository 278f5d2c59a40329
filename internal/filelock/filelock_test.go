package filelock

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestCounter has many goroutines increment a number in a file, each
// read-modify-write under the lock; no increment may be lost.
func TestCounter(t *testing.T) {
	target := filepath.Join(t.TempDir(), "count")
	if err := os.WriteFile(target, []byte("0"), 0o600); err != nil {
		t.Fatal(err)
	}
	const n = 40
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, err := Acquire(target, nil)
			if err != nil {
				errs <- err
				return
			}
			defer l.Release()
			b, err := os.ReadFile(target)
			if err != nil {
				errs <- err
				return
			}
			v, _ := strconv.Atoi(string(b))
			time.Sleep(time.Millisecond)
			errs <- os.WriteFile(target, []byte(strconv.Itoa(v+1)), 0o600)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	b, _ := os.ReadFile(target)
	if string(b) != strconv.Itoa(n) {
		t.Fatalf("counter = %s, want %d", b, n)
	}
	if _, err := os.Stat(target + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock file left behind: %v", err)
	}
}

func TestTimeoutAndNotice(t *testing.T) {
	oldWait, oldNotice := Wait, Notice
	Wait, Notice = 300*time.Millisecond, 50*time.Millisecond
	defer func() { Wait, Notice = oldWait, oldNotice }()

	target := filepath.Join(t.TempDir(), "f")
	held, err := Acquire(target, nil)
	if err != nil {
		t.Fatal(err)
	}
	var notice bytes.Buffer
	if _, err := Acquire(target, &notice); !errors.Is(err, ErrTimeout) {
		t.Fatalf("second Acquire: err = %v, want ErrTimeout", err)
	}
	if got, want := notice.String(), "Waiting for "+target+".lock ...\n"; got != want {
		t.Errorf("notice = %q, want %q", got, want)
	}
	if err := held.Release(); err != nil {
		t.Fatal(err)
	}
	again, err := Acquire(target, nil)
	if err != nil {
		t.Fatalf("Acquire after Release: %v", err)
	}
	st, err := os.Stat(target + ".lock")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(st.Mode().Perm().String(), "rw-------") {
		t.Errorf("lock file mode %v, want 0600", st.Mode().Perm())
	}
	again.Release()
}

// TestSymlinkNotFollowed plants the lock path as a symbolic link: Acquire
// refuses it and creates nothing where it points.
func TestSymlinkNotFollowed(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "data")
	victim := filepath.Join(dir, "victim")
	if err := os.Symlink(victim, target+".lock"); err != nil {
		t.Skip("no symbolic links:", err)
	}
	l, err := Acquire(target, nil)
	if err == nil {
		_ = l.Release()
		t.Fatal("Acquire followed a symbolic link")
	}
	if !errors.Is(err, ErrNotRegular) {
		t.Errorf("err = %v, want ErrNotRegular", err)
	}
	if _, err := os.Lstat(victim); err == nil {
		t.Error("the link's target was created")
	}
}
