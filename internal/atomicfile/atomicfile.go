// Package atomicfile writes files so that readers see either the old or the
// new content, never a part: a temporary file in the same directory,
// fsync, then rename.
package atomicfile

import (
	"bytes"
	"crypto/rand"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Write replaces path with data, creating missing parent directories
// (0755). A new file gets exactly perm, whatever the umask; an existing
// file keeps its mode unless perm is stricter (secrets stay 0600).
func Write(path string, data []byte, perm fs.FileMode) error {
	return write(path, data, Options{Perm: perm}, true)
}

// WriteIfChanged writes data to path only when the file's bytes differ, so
// an unchanged file keeps its modification time. It reports whether it
// wrote.
func WriteIfChanged(path string, data []byte, perm fs.FileMode) (bool, error) {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	return true, Write(path, data, perm)
}

// Options are the choices of WriteFile.
type Options struct {
	// Perm is the mode of the written file, less the umask.
	Perm fs.FileMode
	// DirPerm is the mode of missing parent directories, less the umask;
	// zero means 0755.
	DirPerm fs.FileMode
	// Exclusive never replaces an existing file: the final name is created
	// only if nothing has it yet (link(2), which fails like O_EXCL), and an
	// existing one gives an error satisfying errors.Is(err, fs.ErrExist).
	Exclusive bool
}

// WriteFile writes data to path atomically as o says. Unlike Write, the
// file gets o.Perm less the umask, whatever the mode of a file it replaces.
func WriteFile(path string, data []byte, o Options) error {
	return write(path, data, o, false)
}

// write is Write when keepMode is set (mode exactly o.Perm, or the replaced
// file's mode where that is stricter), else WriteFile.
func write(path string, data []byte, o Options, keepMode bool) error {
	if o.Exclusive {
		if _, err := os.Lstat(path); err == nil {
			return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
		}
	}
	dirPerm := o.DirPerm
	if dirPerm == 0 {
		dirPerm = 0o755
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return err
	}
	mode := o.Perm
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return &fs.PathError{Op: "write", Path: path, Err: errors.New("is a directory")}
		}
		if keepMode {
			mode &= st.Mode().Perm()
		}
	}
	tmp, err := createTemp(dir, filepath.Base(path), o.Perm)
	if err != nil {
		return onPath("write", path, err)
	}
	defer os.Remove(tmp.Name())
	if keepMode {
		err = tmp.Chmod(mode)
	}
	if err == nil {
		_, err = tmp.Write(data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return onPath("write", path, err)
	}
	if o.Exclusive {
		err = os.Link(tmp.Name(), path)
	} else {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return onPath("create", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// onPath reports err, which names the temporary file, as an error on
// path: users never see the temporary file's name.
func onPath(op, path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return &fs.PathError{Op: op, Path: path, Err: err}
}

// createTemp creates a new file named .<name>.tmp-<random> in dir with
// mode perm (less the umask).
func createTemp(dir, name string, perm fs.FileMode) (*os.File, error) {
	for {
		tmp := filepath.Join(dir, "."+name+".tmp-"+rand.Text())
		f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
}
