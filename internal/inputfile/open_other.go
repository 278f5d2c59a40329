//go:build !unix

package inputfile

// nonBlocking is not needed where opening a pipe by name does not wait for
// a writer.
const nonBlocking = 0
