package trust

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/asterkit/aster/internal/atomicfile"
	"github.com/asterkit/aster/internal/inputfile"
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
	p, err := prepare(path, data, perm, dirPerm, exclusive)
	if err != nil {
		return err
	}
	return commit(p, path, exclusive)
}

// prepare is the first half of WriteFile: the data written and synced in a
// temporary file.
func prepare(path string, data []byte, perm, dirPerm fs.FileMode, exclusive bool) (*atomicfile.Pending, error) {
	p, err := atomicfile.Prepare(path, data, atomicfile.Options{Perm: perm, DirPerm: dirPerm, Exclusive: exclusive})
	if err != nil {
		return nil, writeError(path, err, exclusive)
	}
	return p, nil
}

// commit is the second half of WriteFile: the file put in place.
func commit(p *atomicfile.Pending, path string, exclusive bool) error {
	if err := p.Commit(); err != nil {
		return writeError(path, err, exclusive)
	}
	return nil
}

// writeError is the error of WriteFile for a failed write of path.
func writeError(path string, err error, exclusive bool) error {
	if exclusive && errors.Is(err, fs.ErrExist) {
		return &ExistsError{Path: path}
	}
	return &WriteError{Path: path, Err: err}
}

// WriteKeyPair writes the root key file of priv to path with mode 0600
// (parents 0700; without force an existing file is left alone and
// *ExistsError is returned) and, when pubPath is not "", the companion .pub
// file there (mode 0644 less the umask, replacing an existing one). Both files are written
// and synced before either takes its name, the key file first: a crash
// between the two renames leaves the new key file and a complete new .pub
// in a temporary file, which LoadRootKey puts in place.
func WriteKeyPair(path string, priv ed25519.PrivateKey, pubPath string, force bool) error {
	var pub *atomicfile.Pending
	if pubPath != "" {
		var err error
		if pub, err = prepare(pubPath, EncodeCompanionPub(priv.Public().(ed25519.PublicKey)), 0o644, 0o700, false); err != nil {
			return err
		}
	}
	abort := func(err error) error {
		if pub != nil {
			err = errors.Join(err, pub.Abort())
		}
		return err
	}
	key, err := prepare(path, EncodeRootKey(priv), 0o600, 0o700, !force)
	if err != nil {
		return abort(err)
	}
	if err := commit(key, path, !force); err != nil {
		return abort(err)
	}
	if pub == nil {
		return nil
	}
	return commit(pub, pubPath, false)
}

// LoadRootKey reads the root key file at path for signing (ReadRootKey)
// and checks its companion .pub: a missing or matching one is fine; one
// left behind by a `trust keygen root` killed between its two renames is
// completed from the new .pub written beside it, and the repair is noted
// on warn; any other mismatch is reported on warn, since nodes that trust
// the .pub would refuse what this key signs. Temporary copies of the key
// left by killed writers are removed.
func LoadRootKey(path string, warn io.Writer) (ed25519.PrivateKey, error) {
	priv, err := ReadRootKey(path)
	if err != nil {
		return nil, err
	}
	atomicfile.RemoveStale(path)
	pub := priv.Public().(ed25519.PublicKey)
	pubPath := CompanionPath(path)
	data, err := inputfile.Read(pubPath, inputfile.Key)
	if err != nil {
		return priv, nil // no companion to check
	}
	if old, ok := ParsePublicKey(data); ok && old.Equal(pub) {
		return priv, nil
	}
	// A repair that fails leaves the mismatch, which is reported instead.
	repaired, _ := atomicfile.Recover(pubPath, inputfile.Key, func(b []byte) bool {
		p, ok := ParsePublicKey(b)
		return ok && p.Equal(pub)
	})
	if repaired {
		fmt.Fprintf(warn, "Warning: %s was left unfinished by an interrupted 'aster trust keygen root'; it now holds the public key of %s.\n", pubPath, path)
	} else {
		fmt.Fprintf(warn, "Warning: %s holds a different public key than %s; credentials signed with it will not verify against %s.\n"+
			"  Recreate it: aster trust keygen pubkey --in %s --out %s --force\n", pubPath, path, pubPath, path, pubPath)
	}
	return priv, nil
}
