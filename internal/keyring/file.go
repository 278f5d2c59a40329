package keyring

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/asterkit/aster/internal/atomicfile"
	"github.com/asterkit/aster/internal/inputfile"
)

// FileStore keeps each secret in its own file, "<dir>/<account>" (mode 0600
// in a 0700 directory), unencrypted. It is chosen with ASTER_KEYRING=file
// on hosts without a usable OS keyring.
type FileStore struct {
	dir  string
	warn io.Writer
}

// NewFileStore keeps secrets in asterHome/keyring; warnings go to warn.
func NewFileStore(asterHome string, warn io.Writer) *FileStore {
	if warn == nil {
		warn = io.Discard
	}
	return &FileStore{dir: filepath.Join(asterHome, "keyring"), warn: warn}
}

// Path is the file holding account.
func (s *FileStore) Path(account string) string { return filepath.Join(s.dir, account) }

// check refuses account names that are not a plain file name.
func (s *FileStore) check(account string) error {
	if account == "" || account == "." || account == ".." || strings.ContainsAny(account, `/\`) {
		return fmt.Errorf("invalid keyring account name %q", account)
	}
	return nil
}

// warnExposedDir reports a keyring directory that other users can read or
// write.
func (s *FileStore) warnExposedDir() {
	if st, err := os.Stat(s.dir); err == nil && st.IsDir() && st.Mode().Perm()&0o077 != 0 {
		fmt.Fprintf(s.warn, "Warning: %s, which holds root private keys, is open to other users (mode %v); run: chmod 700 %s\n",
			s.dir, st.Mode().Perm(), s.dir)
	}
}

// Get implements Store; a file that group or others can read, or such a
// directory, is reported.
func (s *FileStore) Get(account string) (string, error) {
	if err := s.check(account); err != nil {
		return "", err
	}
	s.warnExposedDir()
	// Copies of secrets left by writers that were killed.
	atomicfile.RemoveStaleIn(s.dir)
	p := s.Path(account)
	b, err := inputfile.Read(p, inputfile.Secret)
	if errors.Is(err, fs.ErrNotExist) {
		return "", ErrNotFound
	}
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(p); err == nil && st.Mode().Perm()&0o077 != 0 {
		fmt.Fprintf(s.warn, "Warning: %s can be read by other users; run: chmod 600 %s\n", p, p)
	}
	return string(b), nil
}

// Set implements Store and warns that the secret is stored unencrypted.
func (s *FileStore) Set(account, secret string) error {
	if err := s.check(account); err != nil {
		return err
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return err
	}
	s.warnExposedDir()
	// Copies of secrets left by writers that were killed.
	atomicfile.RemoveStaleIn(s.dir)
	p := s.Path(account)
	if err := atomicfile.Write(p, []byte(secret+"\n"), 0o600); err != nil {
		return err
	}
	if err := os.Chmod(p, 0o600); err != nil {
		return err
	}
	fmt.Fprintf(s.warn, "Warning: ASTER_KEYRING=file stores the root private key unencrypted in %s.\n", p)
	return nil
}

// Delete implements Store.
func (s *FileStore) Delete(account string) error {
	if err := s.check(account); err != nil {
		return err
	}
	err := os.Remove(s.Path(account))
	if errors.Is(err, fs.ErrNotExist) {
		return ErrNotFound
	}
	return err
}
