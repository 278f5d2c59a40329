package trust

import (
	"crypto/ed25519"
	"errors"
	"io/fs"
	"os"

	"github.com/asterkit/aster/internal/atomicfile"
)

// ExistsError is returned when a file that must not be overwritten without
// --force already exists.
type ExistsError struct {
	// Path is the file path as the user gave it.
	Path string
}

func (e *ExistsError) Error() string { return "key file already exists: " + e.Path }

// WriteError is a failed write of an output file.
type WriteError struct {
	// Path is the file path as the user gave it.
	Path string
	// Err is the underlying failure.
	Err error
}

func (e *WriteError) Error() string { return "cannot write " + e.Path + ": " + cause(e.Err).Error() }

func (e *WriteError) Unwrap() error { return e.Err }

// cause strips the operation and path from a *fs.PathError or
// *os.LinkError, leaving the reason ("permission denied").
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// WriteFile writes data to path atomically (atomicfile.WriteFile): mode
// perm less the umask, missing parent directories created with dirPerm.
// When exclusive is set, an existing file is left alone and gives
// *ExistsError. Other failures are *WriteError.
func WriteFile(path string, data []byte, perm, dirPerm fs.FileMode, exclusive bool) error {
	err := atomicfile.WriteFile(path, data, atomicfile.Options{Perm: perm, DirPerm: dirPerm, Exclusive: exclusive})
	switch {
	case err == nil:
		return nil
	case exclusive && errors.Is(err, fs.ErrExist):
		return &ExistsError{Path: path}
	}
	return &WriteError{Path: path, Err: err}
}

// WriteRootKey writes the root key file of priv to path with mode 0600
// (parents 0700). Without force an existing file is left alone and
// *ExistsError is returned.
func WriteRootKey(path string, priv ed25519.PrivateKey, force bool) error {
	return WriteFile(path, EncodeRootKey(priv), 0o600, 0o700, !force)
}
