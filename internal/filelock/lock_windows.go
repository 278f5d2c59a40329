//go:build windows

package filelock

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// noFollow: Windows has no O_NOFOLLOW; openLockFile's Lstat check refuses a
// symbolic link there.
const noFollow = 0

// isSymlinkError is never true where noFollow is not used.
func isSymlinkError(error) bool { return false }

// TryLock takes an exclusive LockFileEx lock on f without blocking and
// reports whether it got it. The lock lasts until f is closed, or until the
// process ends, however it ends.
func TryLock(f *os.File) (bool, error) {
	ol := new(windows.Overlapped)
	err := windows.LockFileEx(windows.Handle(f.Fd()),
		windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return false, nil
	}
	return err == nil, err
}
