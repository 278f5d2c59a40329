//go:build !unix

package python

// cpuTime is the CPU time the process has used: not read on this system.
func cpuTime() int64 { return -1 }
