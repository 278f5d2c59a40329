package profile

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/asterkit/aster/internal/filelock"
	"github.com/asterkit/aster/internal/keyring"
	"github.com/asterkit/aster/internal/trust"
)

// ExistsError is a profile that already has a root key.
type ExistsError struct{ Name string }

func (e *ExistsError) Error() string { return fmt.Sprintf("profile '%s' already exists.", e.Name) }

// MissingError is a profile that is not in config.toml.
type MissingError struct {
	Name string
	// Available lists the profiles there are.
	Available []string
}

func (e *MissingError) Error() string { return fmt.Sprintf("profile '%s' does not exist.", e.Name) }

// LockedError is a config.toml that another process kept locked.
type LockedError struct{ Path string }

func (e *LockedError) Error() string {
	return e.Path + " is locked by another aster process; try again."
}

// update runs change on a freshly read config.toml under its lock and
// saves the result when change succeeds.
func (e *Env) update(notify io.Writer, change func() error) error {
	return e.locked(notify, func() error {
		if err := change(); err != nil {
			return err
		}
		return e.Config.Save()
	})
}

// locked runs f under config.toml's lock, on a freshly read e.Config.
func (e *Env) locked(notify io.Writer, f func() error) error {
	if err := os.MkdirAll(filepath.Dir(e.Config.Path), 0o700); err != nil {
		return err
	}
	lock, err := filelock.Acquire(e.Config.Path, notify)
	if errors.Is(err, filelock.ErrTimeout) {
		return &LockedError{Path: e.Config.Path}
	}
	if err != nil {
		return err
	}
	// The lock file holds no data: failing to close it loses nothing.
	defer func() { _ = lock.Release() }()
	if e.Config, err = Load(e.Config.Path); err != nil {
		return err
	}
	return f()
}

// Created says what Create did.
type Created struct {
	// KeyAdded is set when an existing profile without a root key got one.
	KeyAdded bool
	// Activated is set when the profile became the active one.
	Activated bool
	// Adopted is set when a root key already in the keyring was used.
	Adopted bool
	// Pubkey is the root public key (hex).
	Pubkey string
}

// Create gives profile name a root key pair: a key already in the keyring
// under either account is adopted, else a new seed is stored there. The
// profile gets root_pubkey and created_at (now, UTC) and becomes active
// when it is the only profile or none is active. The new config.toml is
// edited and written beside the old one before the key is stored, and put
// in place after: a failure at any step leaves neither a key nor an edit
// behind.
func (e *Env) Create(name string, now time.Time, notify io.Writer) (*Created, error) {
	res := &Created{}
	err := e.locked(notify, func() error {
		seed, err := e.addRootKey(name, now, res)
		if err != nil {
			return err
		}
		pending, err := e.Config.prepare()
		if err != nil {
			return err
		}
		if !res.Adopted {
			if err := e.Keyring.StoreRoot(name, seed); err != nil {
				return errors.Join(err, pending.Abort())
			}
		}
		if err := e.Config.commit(pending); err != nil {
			if !res.Adopted {
				_, derr := e.Keyring.DeleteRoot(name)
				err = errors.Join(err, derr)
			}
			return err
		}
		return nil
	})
	return res, err
}

// addRootKey edits e.Config (in memory) to give profile name the public key
// of its root key: the one in the keyring, or a new seed it returns for the
// caller to store. It fills res.
func (e *Env) addRootKey(name string, now time.Time, res *Created) ([]byte, error) {
	c := e.Config
	existing, exists := c.Get(name)
	if exists && existing.Get("root_pubkey") != "" {
		return nil, &ExistsError{Name: name}
	}
	seed, _, err := e.Keyring.LoadRoot(name)
	switch {
	case err == nil && exists:
		return nil, &ExistsError{Name: name}
	case err == nil:
		res.Adopted = true
	case errors.Is(err, keyring.ErrNotFound):
		if seed, err = trust.GenerateSeed(); err != nil {
			return nil, err
		}
	default:
		return nil, err
	}
	res.Pubkey = hex.EncodeToString(ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey))
	created := now.UTC().Format("2006-01-02T15:04:05")
	if exists {
		res.KeyAdded = true
		if err := c.SetKey(name, "root_pubkey", res.Pubkey); err != nil {
			return nil, err
		}
		if !existing.Has("created_at") {
			if err := c.SetKey(name, "created_at", created); err != nil {
				return nil, err
			}
		}
	} else if err := c.AddProfile(name, res.Pubkey, created); err != nil {
		return nil, err
	}
	if len(c.Names()) == 1 || !c.HasActive() {
		res.Activated = true
		return seed, c.SetActive(name)
	}
	return seed, nil
}

// missing is the error for a profile that does not exist.
func (e *Env) missing(name string) error {
	return &MissingError{Name: name, Available: e.Config.Names()}
}

// Use makes name the active profile.
func (e *Env) Use(name string, notify io.Writer) error {
	return e.update(notify, func() error {
		if _, ok := e.Config.Get(name); !ok {
			return e.missing(name)
		}
		return e.Config.SetActive(name)
	})
}

// Deleted says what Delete did.
type Deleted struct {
	// KeyRemoved is set when a root key entry was removed.
	KeyRemoved bool
	// KeyError is why the root key could not be removed, if so.
	KeyError error
}

// Delete removes profile name and then its root key; when it was active,
// the first remaining profile (sorted) becomes active, else "default". The
// key is removed only once config.toml is saved.
func (e *Env) Delete(name string, notify io.Writer) (*Deleted, error) {
	err := e.update(notify, func() error {
		c := e.Config
		if _, ok := c.Get(name); !ok {
			return e.missing(name)
		}
		wasActive := c.Active() == name
		if err := c.Delete(name); err != nil {
			return err
		}
		if !wasActive {
			return nil
		}
		next := DefaultName
		if names := c.Names(); len(names) > 0 {
			next = names[0]
		}
		return c.SetActive(next)
	})
	if err != nil {
		return nil, err
	}
	res := &Deleted{}
	res.KeyRemoved, res.KeyError = e.Keyring.DeleteRoot(name)
	return res, nil
}

// PrivateKeyState describes where the root private key of name is, for
// `profile show`.
func (e *Env) PrivateKeyState(name string) string {
	_, _, err := e.Keyring.LoadRoot(name)
	var u *keyring.UnavailableError
	var bad *keyring.MalformedError
	switch {
	case err == nil && e.Keyring.IsFile():
		return "****... (in file keyring)"
	case err == nil:
		return "****... (in keyring)"
	case errors.Is(err, keyring.ErrNotFound):
		return "<not set>"
	case errors.As(err, &u):
		return "<keyring not available>"
	case errors.As(err, &bad):
		return "<invalid entry " + bad.Account + ">"
	}
	return "<" + strings.TrimSuffix(err.Error(), ".") + ">"
}
