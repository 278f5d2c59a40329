//go:build unix

package atomicfile

import "syscall"

// noFollow makes opening a symbolic link fail.
const noFollow = syscall.O_NOFOLLOW

// closeBeforeRename: an open file can be renamed and removed here, so the
// temporary file stays open, and locked, until it has its final name.
const closeBeforeRename = false
