package profile

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/asterkit/aster/internal/keyring"
	"github.com/asterkit/aster/internal/trust"
)

// Env is where profiles live: the configuration directory, its
// config.toml and the keyring.
type Env struct {
	Home    string
	Config  *Config
	Keyring *keyring.Keyring
}

// Select is the profile a command works with: flag, else $ASTER_PROFILE,
// else the active profile, else "default".
func (p *Env) Select(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("ASTER_PROFILE"); env != "" {
		return env
	}
	return p.Config.Active()
}

// NoRootKeyError reports that no root private key was found for Profile.
type NoRootKeyError struct {
	Profile string
	// HasPubkey is set when the profile records a root_pubkey (the key
	// exists, elsewhere).
	HasPubkey bool
	// Unavailable is the reason the OS keyring could not be asked, if so.
	Unavailable string
}

func (e *NoRootKeyError) Error() string {
	if e.Unavailable != "" {
		return fmt.Sprintf("no root private key found for profile '%s'; the OS keyring is not available (%s).", e.Profile, e.Unavailable)
	}
	return fmt.Sprintf("no root private key found for profile '%s'.", e.Profile)
}

// Hint says what to do, on two lines.
func (e *NoRootKeyError) Hint() string {
	if e.Unavailable != "" {
		return "Set ASTER_KEYRING=file to use a file keyring on this host,\n  or pass --root-key <path-to-root.key>"
	}
	first := "Run: aster profile create " + e.Profile
	if e.HasPubkey {
		first = fmt.Sprintf("The private key of profile '%s' is not on this machine.", e.Profile)
	}
	return first + "\n  Or:  pass --root-key <path-to-root.key>"
}

// RootKey finds the root key to sign with: the key file keyFile when given,
// else the keyring entry of profile name, else $ASTER_HOME/root.key. When
// the profile records a different root_pubkey, a warning goes to warn.
// Errors: *trust.KeyFileError, *keyring.MalformedError, *NoRootKeyError.
func (p *Env) RootKey(keyFile, name string, warn io.Writer) (ed25519.PrivateKey, error) {
	key, err := p.findRootKey(keyFile, name, warn)
	if err != nil {
		return nil, err
	}
	pub := hex.EncodeToString(key.Public().(ed25519.PublicKey))
	if prof, ok := p.Config.Get(name); ok {
		if rec := prof.Get("root_pubkey"); rec != "" && rec != pub {
			fmt.Fprintf(warn, "Warning: signing with root key %s..., but profile '%s' has root_pubkey %s...\n",
				pub[:16], name, prefix16(rec))
		}
	}
	return key, nil
}

func (p *Env) findRootKey(keyFile, name string, warn io.Writer) (ed25519.PrivateKey, error) {
	if keyFile != "" {
		return trust.LoadRootKey(keyFile, warn)
	}
	unavailable := ""
	seed, _, err := p.Keyring.LoadRoot(name)
	var u *keyring.UnavailableError
	switch {
	case err == nil:
		return ed25519.NewKeyFromSeed(seed), nil
	case errors.As(err, &u):
		unavailable = u.Reason
	case !errors.Is(err, keyring.ErrNotFound):
		return nil, err
	}
	fallback := filepath.Join(p.Home, "root.key")
	if _, err := os.Stat(fallback); !errors.Is(err, fs.ErrNotExist) {
		return trust.LoadRootKey(fallback, warn)
	}
	prof, _ := p.Config.Get(name)
	return nil, &NoRootKeyError{Profile: name, HasPubkey: prof != nil && prof.Get("root_pubkey") != "", Unavailable: unavailable}
}

// prefix16 is the first 16 characters of s.
func prefix16(s string) string {
	if len(s) > 16 {
		return s[:16]
	}
	return s
}
