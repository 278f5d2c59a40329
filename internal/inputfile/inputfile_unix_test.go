//go:build unix

package inputfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestReadNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink("/dev/urandom", link); err != nil {
		t.Fatal(err)
	}
	paths := []string{"/dev/zero", fifo, link}
	if _, err := Read(dir, Config); !errors.Is(err, syscall.EISDIR) {
		t.Errorf("directory: err = %v, want EISDIR", err)
	}
	for _, p := range paths {
		done := make(chan error, 1)
		go func() { _, err := Read(p, Config); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s: err = %v, want ErrNotRegular", p, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Read did not return", p)
		}
	}
}
