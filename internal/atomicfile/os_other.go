//go:build !unix

package atomicfile

// noFollow: RemoveStale checks the directory entry's type instead.
const noFollow = 0

// closeBeforeRename: an open file cannot be renamed here, so the temporary
// file is closed (and its lock dropped) just before the rename.
const closeBeforeRename = true
