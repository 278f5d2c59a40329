package trust

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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

// WriteFile writes data to path atomically: a temporary file in the target
// directory created with mode perm (less the umask), fsync, then rename
// over path. Missing parent
// directories are created with dirPerm. When exclusive is set, the final
// name is created only if it does not exist yet (link(2), which fails like
// O_EXCL), and an existing file gives *ExistsError. Other failures are
// *WriteError.
func WriteFile(path string, data []byte, perm, dirPerm fs.FileMode, exclusive bool) error {
	if exclusive {
		if _, err := os.Lstat(path); err == nil {
			return &ExistsError{Path: path}
		}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	tmp, err := createTemp(dir, filepath.Base(path), perm)
	if err != nil {
		return &WriteError{Path: path, Err: err}
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return &WriteError{Path: path, Err: err}
	}
	if exclusive {
		err = os.Link(tmp.Name(), path)
		if errors.Is(err, fs.ErrExist) {
			return &ExistsError{Path: path}
		}
	} else {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return &WriteError{Path: path, Err: err}
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// WriteRootKey writes the root key file of priv to path with mode 0600
// (parents 0700). Without force an existing file is left alone and
// *ExistsError is returned.
func WriteRootKey(path string, priv ed25519.PrivateKey, force bool) error {
	return WriteFile(path, EncodeRootKey(priv), 0o600, 0o700, !force)
}

// createTemp creates a new file named .<name>.tmp-<random> in dir with
// mode perm (less the umask).
func createTemp(dir, name string, perm fs.FileMode) (*os.File, error) {
	for {
		var r [8]byte
		if _, err := rand.Read(r[:]); err != nil {
			return nil, err
		}
		tmp := filepath.Join(dir, "."+name+".tmp-"+hex.EncodeToString(r[:]))
		f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
}
