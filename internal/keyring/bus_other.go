//go:build !((dragonfly && cgo) || (freebsd && cgo) || linux || netbsd || openbsd)

package keyring

// sessionBus is a D-Bus check that only Secret Service platforms need.
func sessionBus() error { return nil }
