// Package inputfile reads the files aster takes as input: regular files
// only, each kind with a size limit, so a path that names a device, a pipe
// or a runaway file gives a clear error instead of a hang.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"unsafe"
)

// Kind is a kind of input file and the most bytes it may hold.
type Kind struct {
	name  string
	limit int64
}

// The kinds of input, with limits far above any real file of the kind.
var (
	// Key is a root key or public key file.
	Key = Kind{"key file", 64 << 10}
	// Secret is one entry of the file keyring.
	Secret = Kind{"keyring entry", 64 << 10}
	// Credential is a credential JSON file or an identity file given to
	// trust verify.
	Credential = Kind{"credential file", 16 << 20}
	// Identity is an .aster-identity file.
	Identity = Kind{"identity file", 16 << 20}
	// Config is config.toml or a file given to config show --config.
	Config = Kind{"configuration file", 16 << 20}
	// Ignore is a .gitignore file.
	Ignore = Kind{".gitignore file", 16 << 20}
	// Manifest is a contract manifest or an exported contract.
	Manifest = Kind{"manifest", 512 << 20}
	// Source is a Python module read by the analyzer.
	Source = Kind{"Python source file", 256 << 20}
)

// Limit is the most bytes a file of kind k may hold.
func (k Kind) Limit() int64 { return k.limit }

// ErrNotRegular reports a path that names something other than a regular
// file (a directory, a device, a pipe, a socket).
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError reports a file above the limit of its kind.
type TooLargeError struct{ Kind Kind }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("larger than %s, the limit for a %s", size(e.Kind.limit), e.Kind.name)
}

// size spells a byte count in KiB or MiB.
func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// Read returns the content of the regular file at path (symbolic links are
// followed). A missing file gives an error satisfying
// errors.Is(err, fs.ErrNotExist); anything that is not a regular file, or
// a file above k's limit, a *fs.PathError whose Err is syscall.EISDIR,
// ErrNotRegular or a *TooLargeError. Opening never blocks on a named pipe.
func Read(path string, k Kind) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, err
	}
	data, err := read(f, k)
	// The file was only read: closing it cannot lose anything.
	_ = f.Close()
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return data, nil
}

// ReadString is Read returning the content as a string, read into memory
// once: the bytes read are never handed out, so the string can hold them.
func ReadString(path string, k Kind) (string, error) {
	data, err := Read(path, k)
	return unsafe.String(unsafe.SliceData(data), len(data)), err
}

// Check reports the error Read would give before reading: a missing file,
// one that is not a regular file, or one above k's limit. A command
// checks its inputs this way before long work, and reads them after it.
func Check(path string, k Kind) error {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return err
	}
	_, err = check(f, k)
	_ = f.Close() // only opened
	if err != nil {
		return &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return nil
}

// check returns the size of f after checking that it is a regular file
// within k's limit.
func check(f *os.File, k Kind) (int64, error) {
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if st.IsDir() {
		return 0, syscall.EISDIR
	}
	if !st.Mode().IsRegular() {
		return 0, ErrNotRegular
	}
	if st.Size() > k.limit {
		return 0, &TooLargeError{Kind: k}
	}
	return st.Size(), nil
}

// read reads all of f after checking it (check); a file that grows past
// the limit while being read is refused too.
func read(f *os.File, k Kind) ([]byte, error) {
	n, err := check(f, k)
	if err != nil {
		return nil, err
	}
	// Room for the size Stat gives, and one byte more to see the end
	// without growing; a file that grows meanwhile is read on to its end.
	data := make([]byte, 0, n+1)
	r := io.LimitReader(f, k.limit+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(data)) > k.limit {
		return nil, &TooLargeError{Kind: k}
	}
	return data, nil
}
