package inputfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadRegular reads a file as bytes and as a string, and a missing one.
func TestReadRegular(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k")
	if err := os.WriteFile(path, []byte("abc"), 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := Read(path, Key)
	if err != nil || string(data) != "abc" {
		t.Fatalf("Read = %q, %v", data, err)
	}
	if _, err := Read(path+".missing", Key); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing file: %v, want fs.ErrNotExist", err)
	}
	if s, err := ReadString(path, Key); err != nil || s != "abc" {
		t.Fatalf("ReadString = %q, %v", s, err)
	}
	if s, err := ReadString(path+".missing", Key); !errors.Is(err, fs.ErrNotExist) || s != "" {
		t.Fatalf("ReadString of a missing file = %q, %v; want fs.ErrNotExist", s, err)
	}
}

func TestReadTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: the size costs no disk space.
	if err := f.Truncate(Key.Limit() + 1); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = Read(path, Key)
	var tl *TooLargeError
	if !errors.As(err, &tl) {
		t.Fatalf("err = %v, want *TooLargeError", err)
	}
	if got, want := err.Error(), "read "+path+": larger than 64 KiB, the limit for a key file"; got != want {
		t.Fatalf("message %q, want %q", got, want)
	}
}

// TestReadBeyondStatSize reads a file longer than the size Stat reports
// (Linux's /proc files report 0).
func TestReadBeyondStatSize(t *testing.T) {
	const path = "/proc/self/status"
	if _, err := os.Stat(path); err != nil {
		t.Skip(err)
	}
	data, err := Read(path, Config)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 100 || !strings.Contains(string(data), "Name:") {
		t.Fatalf("read %d bytes: %q", len(data), data)
	}
}

// TestCheck gives, without reading, the errors Read gives: none for a
// regular file within the limit, and a missing file, a directory and a
// file above the limit refused as Read refuses them.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok")
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(ok, []byte("abc"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, Key.Limit()+1); err != nil {
		t.Fatal(err)
	}
	if err := Check(ok, Key); err != nil {
		t.Fatalf("a regular file within the limit: %v", err)
	}
	for _, path := range []string{filepath.Join(dir, "missing"), dir, big} {
		_, readErr := Read(path, Key)
		err := Check(path, Key)
		if err == nil || readErr == nil || err.Error() != readErr.Error() {
			t.Errorf("%s: Check gives %v, Read %v", path, err, readErr)
		}
	}
}
