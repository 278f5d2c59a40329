// Package keyring keeps profile root keys in the OS keyring (Secret Service,
// macOS Keychain, Windows Credential Manager) or, when ASTER_KEYRING=file,
// in plain files under $ASTER_HOME/keyring.
package keyring

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Service is the service name of every entry.
const Service = "aster"

// ErrNotFound reports that the keyring has no entry for an account.
var ErrNotFound = errors.New("no keyring entry")

// UnavailableError reports that the backend could not be reached (no D-Bus
// session, no Secret Service provider, a refused keychain, a time-out).
type UnavailableError struct{ Reason string }

func (e *UnavailableError) Error() string { return "OS keyring not available: " + e.Reason }

// MalformedError reports an entry that does not hold a 64-hex root key.
type MalformedError struct{ Account string }

func (e *MalformedError) Error() string {
	return fmt.Sprintf("keyring entry %s is not a 64-hex root key", e.Account)
}

// Store is one keyring backend: secrets by account name under Service.
type Store interface {
	// Get returns the secret of account, or ErrNotFound.
	Get(account string) (string, error)
	// Set creates or replaces the secret of account.
	Set(account, secret string) error
	// Delete removes account, or returns ErrNotFound.
	Delete(account string) error
}

// Keyring is the configured backend with the root-key conventions on top.
type Keyring struct {
	store Store
	file  *FileStore // non-nil for ASTER_KEYRING=file
}

// Open returns the backend that ASTER_KEYRING selects: "os" (the default)
// or "file" (under asterHome). Warnings of the file backend go to warn.
func Open(asterHome string, warn io.Writer) (*Keyring, error) {
	switch v := os.Getenv("ASTER_KEYRING"); v {
	case "", "os":
		return &Keyring{store: &OSStore{Timeout: DefaultTimeout}}, nil
	case "file":
		f := NewFileStore(asterHome, warn)
		return &Keyring{store: f, file: f}, nil
	default:
		return nil, fmt.Errorf("ASTER_KEYRING must be 'os' or 'file', got '%s'", v)
	}
}

// New wraps any Store; entries of the reference CLI are looked up too.
func New(s Store) *Keyring { return &Keyring{store: s} }

// IsFile reports whether the file backend is in use.
func (k *Keyring) IsFile() bool { return k.file != nil }

// RootAccount is the account our root key of profile is stored under.
func RootAccount(profile string) string { return "aster-root-" + profile }

// LegacyAccount is the account the reference CLI stored it under.
func LegacyAccount(profile string) string { return "root_privkey:" + profile }

// accounts lists where the root key of profile may be, in lookup order.
// The file backend has no entries of the reference CLI.
func (k *Keyring) accounts(profile string) []string {
	if k.file != nil {
		return []string{RootAccount(profile)}
	}
	return []string{RootAccount(profile), LegacyAccount(profile)}
}

// LoadRoot returns the root seed of profile and the account it was found
// under. Errors: ErrNotFound, *UnavailableError, *MalformedError.
func (k *Keyring) LoadRoot(profile string) ([]byte, string, error) {
	for _, acct := range k.accounts(profile) {
		s, err := k.store.Get(acct)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, "", err
		}
		seed, err := hex.DecodeString(strings.TrimSpace(s))
		if err != nil || len(seed) != 32 {
			return nil, "", &MalformedError{Account: acct}
		}
		return seed, acct, nil
	}
	return nil, "", ErrNotFound
}

// StoreRoot stores seed as the root key of profile (64 lowercase hex).
func (k *Keyring) StoreRoot(profile string, seed []byte) error {
	return k.store.Set(RootAccount(profile), hex.EncodeToString(seed))
}

// DeleteRoot removes every entry of profile's root key and reports whether
// there was one.
func (k *Keyring) DeleteRoot(profile string) (bool, error) {
	removed := false
	for _, acct := range k.accounts(profile) {
		err := k.store.Delete(acct)
		switch {
		case err == nil:
			removed = true
		case !errors.Is(err, ErrNotFound):
			return removed, err
		}
	}
	return removed, nil
}

// FilePath is where the file backend keeps profile's root key ("" for the
// OS keyring).
func (k *Keyring) FilePath(profile string) string {
	if k.file == nil {
		return ""
	}
	return k.file.Path(RootAccount(profile))
}
