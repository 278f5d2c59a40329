// Package atomicfile writes files so that readers see either the old or the
// new content, never a part: a temporary file in the same directory,
// fsync, then rename.
//
// The temporary file is named "<name>.tmp-<random>", so a pattern that
// ignores "<name>*" (the .gitignore entry of enroll node) covers it, and is
// locked while its writer lives. A writer killed before the rename leaves
// it unlocked; the next write of the same file removes it.
package atomicfile

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/asterkit/aster/internal/filelock"
	"github.com/asterkit/aster/internal/inputfile"
)

// Write replaces path with data, creating missing parent directories
// (0755). A new file gets exactly perm, whatever the umask; an existing
// file keeps its mode unless perm is stricter (secrets stay 0600).
func Write(path string, data []byte, perm fs.FileMode) error {
	return commit(Prepare(path, data, Options{Perm: perm, keepMode: true}))
}

// WriteFrom is Write with the data src writes, so that a document held in
// pieces is written without first being joined. If src fails, path is
// left as it was.
func WriteFrom(path string, src io.WriterTo, perm fs.FileMode) error {
	return commit(prepare(path, src, Options{Perm: perm, keepMode: true}))
}

// WriteIfChanged writes data to path only when the file's bytes differ, so
// an unchanged file keeps its modification time. It reports whether it
// wrote.
func WriteIfChanged(path string, data []byte, perm fs.FileMode) (bool, error) {
	if old, err := inputfile.Read(path, inputfile.Manifest); err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	return true, Write(path, data, perm)
}

// Options are the choices of WriteFile and Prepare.
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
	// FollowSymlink writes through a symbolic link at path: the file it
	// points to is replaced and the link stays. Without it the link itself
	// is replaced by the new file.
	FollowSymlink bool

	keepMode bool // Write's rule: exactly Perm, or the old mode if stricter
}

// WriteFile writes data to path atomically as o says. Unlike Write, the
// file gets o.Perm less the umask, whatever the mode of a file it replaces.
func WriteFile(path string, data []byte, o Options) error {
	return commit(Prepare(path, data, o))
}

// commit commits a prepared write.
func commit(p *Pending, err error) error {
	if err != nil {
		return err
	}
	return p.Commit()
}

// Pending is a write whose data is on disk, synced, in its temporary file,
// waiting to take its final name. Commit or Abort ends it; until then the
// temporary file stays locked, so no other writer removes it.
type Pending struct {
	f         *os.File
	tmp, path string
	exclusive bool
}

// Prepare does all of a write but the final rename: stale temporary files
// of path are removed, the data is written to a new temporary file and
// synced. Several prepared writes can then be committed one right after
// the other, with nothing left that can fail for lack of space.
func Prepare(path string, data []byte, o Options) (*Pending, error) {
	return prepare(path, bytes.NewReader(data), o)
}

// prepare is Prepare with the data src writes.
func prepare(path string, src io.WriterTo, o Options) (*Pending, error) {
	if o.FollowSymlink {
		var err error
		if path, err = resolve(path); err != nil {
			return nil, err
		}
	}
	if o.Exclusive {
		if _, err := os.Lstat(path); err == nil {
			return nil, &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
		}
	}
	dirPerm := o.DirPerm
	if dirPerm == 0 {
		dirPerm = 0o755
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return nil, err
	}
	mode := o.Perm
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return nil, &fs.PathError{Op: "write", Path: path, Err: errors.New("is a directory")}
		}
		// Renaming over a device, pipe or socket would replace it with a file.
		if !st.Mode().IsRegular() {
			return nil, &fs.PathError{Op: "write", Path: path, Err: errors.New("is not a regular file")}
		}
		if o.keepMode {
			mode &= st.Mode().Perm()
		}
	}
	RemoveStale(path)
	tmp, err := createTemp(path, o.Perm)
	if err != nil {
		return nil, onPath("write", path, err)
	}
	p := &Pending{f: tmp, tmp: tmp.Name(), path: path, exclusive: o.Exclusive}
	if o.keepMode {
		err = tmp.Chmod(mode)
	}
	if err == nil {
		_, err = src.WriteTo(tmp)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if err != nil {
		return nil, onPath("write", path, errors.Join(err, p.Abort()))
	}
	return p, nil
}

// Commit gives the data its final name (for an exclusive write, only if
// the name is still free), syncs the directory and releases the temporary
// file.
func (p *Pending) Commit() error {
	if closeBeforeRename {
		if err := p.f.Close(); err != nil {
			return onPath("write", p.path, errors.Join(err, p.Abort()))
		}
	}
	if err := p.place(); err != nil {
		return onPath("create", p.path, errors.Join(err, p.Abort()))
	}
	// The data was synced before the rename; a failed close cannot lose it.
	_ = p.f.Close()
	return syncDir(filepath.Dir(p.path))
}

// onPath reports err, which may name the temporary file, as an error on
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

// place gives the temporary file the final name.
func (p *Pending) place() error {
	if !p.exclusive {
		return os.Rename(p.tmp, p.path)
	}
	if err := os.Link(p.tmp, p.path); err != nil {
		return err
	}
	return os.Remove(p.tmp)
}

// Abort removes the temporary file and releases it; the target is left as
// it was.
func (p *Pending) Abort() error {
	err := os.Remove(p.tmp)
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	// Only an abandoned copy was written: closing cannot lose anything.
	_ = p.f.Close()
	return err
}

// syncDir makes a rename in dir durable. A directory that cannot be opened
// for it (Windows) or file systems that cannot sync one are not an error:
// the rename happened either way.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	err = d.Sync()
	// Opened read-only for the sync: closing cannot lose anything.
	_ = d.Close()
	if err != nil && !errors.Is(err, errors.ErrUnsupported) && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}

// tempPrefix is the name prefix of path's temporary files.
func tempPrefix(path string) string { return filepath.Base(path) + ".tmp-" }

// createTemp creates and locks a new, empty temporary file for path with
// mode perm (less the umask). The exclusive create never follows a
// symbolic link.
func createTemp(path string, perm fs.FileMode) (*os.File, error) {
	prefix := filepath.Join(filepath.Dir(path), tempPrefix(path))
	for {
		f, err := os.OpenFile(prefix+rand.Text(), os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		locked, err := filelock.TryLock(f)
		if err == nil && locked && named(f) {
			return f, nil
		}
		// Another writer's RemoveStale took the new file before it was
		// locked; try another name. The file is empty: removing and
		// closing it can only fail harmlessly.
		_ = os.Remove(f.Name())
		_ = f.Close()
		if err != nil {
			return nil, err
		}
	}
}

// named reports whether f's name still names f.
func named(f *os.File) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(f.Name())
	return err == nil && os.SameFile(a, b)
}

// RemoveStale removes the temporary files of path that no live writer
// holds: those of writers that were killed, in this naming and in the
// earlier ".<name>.tmp-<random>" one. Failures are ignored: a file that
// stays is removed by a later write.
func RemoveStale(path string) {
	eachStale(path, func(f *os.File) bool {
		_ = os.Remove(f.Name())
		return false
	})
}

// Recover completes a write of path whose writer was killed between
// Prepare and Commit: the first stale temporary file of path whose content
// (at most k's limit) accept approves takes path's name. It reports whether
// one did.
func Recover(path string, k inputfile.Kind, accept func([]byte) bool) (bool, error) {
	var done bool
	var err error
	eachStale(path, func(f *os.File) bool {
		data, rerr := io.ReadAll(io.LimitReader(f, k.Limit()+1))
		if rerr != nil || int64(len(data)) > k.Limit() || !accept(data) {
			return false
		}
		if err = os.Rename(f.Name(), path); err == nil {
			done = true
			err = syncDir(filepath.Dir(path))
		}
		return true
	})
	return done, err
}

// RemoveStaleIn removes the stale temporary files of every file in dir,
// for a directory that only this package writes to (a file keyring).
func RemoveStaleIn(dir string) {
	eachStaleIn(dir, func(name string) bool { return strings.Contains(name, ".tmp-") }, func(f *os.File) bool {
		_ = os.Remove(f.Name())
		return false
	})
}

// eachStale calls f with each stale temporary file of path, opened and
// locked, until f returns true.
func eachStale(path string, f func(*os.File) bool) {
	prefix := tempPrefix(path)
	eachStaleIn(filepath.Dir(path), func(name string) bool {
		return strings.HasPrefix(name, prefix) || strings.HasPrefix(name, "."+prefix)
	}, f)
}

// eachStaleIn calls f with each regular file of dir whose name match
// approves and that no live writer holds, opened and locked, until f
// returns true.
func eachStaleIn(dir string, match func(string) bool, f func(*os.File) bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.Type().IsRegular() && match(e.Name()) && withStale(filepath.Join(dir, e.Name()), f) {
			return
		}
	}
}

// withStale calls f with the regular file at name, opened and locked,
// unless a live writer holds its lock; it returns what f returns.
func withStale(name string, f func(*os.File) bool) bool {
	file, err := os.OpenFile(name, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return false
	}
	stop := false
	if locked, err := filelock.TryLock(file); err == nil && locked && named(file) {
		stop = f(file)
	}
	// Nothing was written: closing it only drops the lock.
	_ = file.Close()
	return stop
}

// resolve follows the symbolic links at path to the file they name, which
// need not exist yet.
func resolve(path string) (string, error) {
	for range 40 {
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		target, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return "", &fs.PathError{Op: "write", Path: path, Err: fmt.Errorf("too many levels of symbolic links")}
}
