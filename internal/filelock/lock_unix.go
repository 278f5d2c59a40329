//go:build unix

package filelock

import (
	"errors"
	"os"
	"syscall"
)

// noFollow makes opening a symbolic link fail.
const noFollow = syscall.O_NOFOLLOW

// isSymlinkError reports the error of opening a symbolic link with noFollow.
func isSymlinkError(err error) bool { return errors.Is(err, syscall.ELOOP) }

// TryLock takes an exclusive flock on f without blocking and reports
// whether it got it. The lock lasts until f is closed, or until the process
// ends, however it ends.
func TryLock(f *os.File) (bool, error) {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return false, nil
		default:
			return false, err
		}
	}
}
