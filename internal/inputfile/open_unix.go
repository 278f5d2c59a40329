//go:build unix

package inputfile

import "syscall"

// nonBlocking makes opening a named pipe return at once; the file is then
// refused as not regular. Regular files read the same either way.
const nonBlocking = syscall.O_NONBLOCK
