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

// Acquire locks target by creating (mode 0600) and exclusively locking
// target+".lock". It waits up to Wait; after Notice it prints
// "Waiting for <target>.lock ..." once to notify (which may be nil).
func Acquire(target string, notify io.Writer) (*Lock, error) {
	path := target + ".lock"
	start := time.Now()
	noticed := false
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, err
		}
		locked, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		if locked {
			if same(f, path) {
				return &Lock{f: f, path: path}, nil
			}
			// The previous holder removed the lock file after we opened it;
			// start again on the file that now has the name.
			f.Close()
			continue
		}
		f.Close()
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

// same reports whether path still names the open file f.
func same(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	if err != nil {
		return false
	}
	return os.SameFile(a, b)
}

// Release removes the lock file and then drops the lock. A lock file that
// cannot be removed (Windows keeps open files) is harmless: the next
// Acquire locks it again.
func (l *Lock) Release() error {
	os.Remove(l.path)
	return l.f.Close()
}
