// Package filelock serialises read-modify-write cycles on a file between
// processes with an exclusive lock on a companion "<file>.lock".
package filelock

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// ErrTimeout is returned by Acquire when another process held the lock for
// the whole wait.
var ErrTimeout = errors.New("lock not obtained in time")

// Wait is how long Acquire waits for the lock; Notice is when it tells the
// user that it is waiting.
var (
	Wait   = 30 * time.Second
	Notice = 1 * time.Second
)

// poll is the interval between attempts while another process holds the lock.
const poll = 20 * time.Millisecond

// Lock is a held lock; Release gives it back.
type Lock struct {
	f    *os.File
	path string
}

// ErrNotRegular is a lock path that names something other than a regular
// file, such as a symbolic link planted to make a privileged run create or
// open a file elsewhere. Such a path is never followed.
var ErrNotRegular = errors.New("not a regular file")

// Acquire locks target by creating (mode 0600) and exclusively locking
// target+".lock", which must be a regular file: a symbolic link there is
// never followed. It waits up to Wait; after Notice it prints
// "Waiting for <target>.lock ..." once to notify (which may be nil).
func Acquire(target string, notify io.Writer) (*Lock, error) {
	path := target + ".lock"
	start := time.Now()
	noticed := false
	for {
		f, err := openLockFile(path)
		if err != nil {
			return nil, err
		}
		locked, err := TryLock(f)
		if err != nil {
			return nil, errors.Join(err, closeUnused(f))
		}
		if locked && same(f, path) {
			return &Lock{f: f, path: path}, nil
		}
		if err := closeUnused(f); err != nil {
			return nil, err
		}
		if locked {
			// The previous holder removed the lock file after we opened it;
			// start again on the file that now has the name.
			continue
		}
		waited := time.Since(start)
		if waited >= Wait {
			return nil, ErrTimeout
		}
		if !noticed && waited >= Notice && notify != nil {
			fmt.Fprintf(notify, "Waiting for %s ...\n", path)
			noticed = true
		}
		time.Sleep(poll)
	}
}

// openLockFile opens or creates the lock file at path without following a
// symbolic link, and refuses anything but a regular file.
func openLockFile(path string) (*os.File, error) {
	notRegular := fmt.Errorf("%s is %w; remove it (a lock file is never followed as a symbolic link)", path, ErrNotRegular)
	if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() {
		return nil, notRegular
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|noFollow, 0o600)
	if isSymlinkError(err) {
		return nil, notRegular
	}
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, errors.Join(notRegular, closeUnused(f))
	}
	return f, nil
}

// closeUnused closes a lock file that is not kept; nothing was written to
// it, so only the close itself can fail.
func closeUnused(f *os.File) error {
	if err := f.Close(); err != nil && !errors.Is(err, os.ErrClosed) {
		return err
	}
	return nil
}

// same reports whether path still names the open file f; a symbolic link
// there does not.
func same(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(path)
	if err != nil {
		return false
	}
	return os.SameFile(a, b)
}

// Release removes the lock file and then drops the lock. A lock file that
// cannot be removed (Windows keeps open files) is harmless: the next
// Acquire locks it again, so the removal's error is not reported.
func (l *Lock) Release() error {
	_ = os.Remove(l.path)
	return l.f.Close()
}
