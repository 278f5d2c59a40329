package profile

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/asterkit/aster/internal/keyring"
)

// memStore is an in-memory keyring; down makes every call fail as an
// unreachable keyring would.
type memStore struct {
	m    map[string]string
	down bool
	// onSet, if set, runs in place of storing; its error is Set's.
	onSet func() error
}

func (s *memStore) Get(a string) (string, error) {
	if s.down {
		return "", &keyring.UnavailableError{Reason: "down"}
	}
	if v, ok := s.m[a]; ok {
		return v, nil
	}
	return "", keyring.ErrNotFound
}

func (s *memStore) Set(a, v string) error {
	if s.down {
		return &keyring.UnavailableError{Reason: "down"}
	}
	if s.onSet != nil {
		if err := s.onSet(); err != nil {
			return err
		}
	}
	s.m[a] = v
	return nil
}

func (s *memStore) Delete(a string) error {
	if _, err := s.Get(a); err != nil {
		return err
	}
	delete(s.m, a)
	return nil
}

func newEnv(t *testing.T, store *memStore) *Env {
	t.Helper()
	home := filepath.Join(t.TempDir(), ".aster")
	c, err := Load(ConfigPath(home))
	if err != nil {
		t.Fatal(err)
	}
	return &Env{Home: home, Config: c, Keyring: keyring.New(store)}
}

func TestCreateUseDelete(t *testing.T) {
	store := &memStore{m: map[string]string{}}
	e := newEnv(t, store)
	var out bytes.Buffer
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	res, err := e.Create("dev", now, &out)
	if err != nil || !res.Activated || res.Adopted || len(store.m) != 1 {
		t.Fatalf("Create dev = %+v, %v, keyring %v", res, err, store.m)
	}
	seed, _ := hex.DecodeString(store.m["aster-root-dev"])
	if len(seed) != 32 {
		t.Fatalf("stored seed %q", store.m["aster-root-dev"])
	}
	key, err := e.RootKey("", "dev", &out)
	if err != nil || hex.EncodeToString(key.Seed()) != store.m["aster-root-dev"] {
		t.Fatalf("RootKey: %v", err)
	}
	if _, err := e.Create("dev", now, &out); !errors.As(err, new(*ExistsError)) {
		t.Errorf("second Create: %v", err)
	}

	// A reference entry is adopted for a new name.
	store.m["root_privkey:ops"] = store.m["aster-root-dev"]
	res, err = e.Create("ops", now, &out)
	if err != nil || !res.Adopted || res.Activated {
		t.Fatalf("Create ops = %+v, %v", res, err)
	}
	must(t, e.Use("ops", &out))
	if e.Config.Active() != "ops" {
		t.Errorf("active %q", e.Config.Active())
	}
	if err := e.Use("nope", &out); !errors.As(err, new(*MissingError)) {
		t.Errorf("Use nope: %v", err)
	}
	del, err := e.Delete("ops", &out)
	if err != nil || !del.KeyRemoved || del.KeyError != nil {
		t.Fatalf("Delete = %+v, %v", del, err)
	}
	if _, ok := store.m["root_privkey:ops"]; ok || e.Config.Active() != "dev" {
		t.Errorf("after delete: keyring %v, active %q", store.m, e.Config.Active())
	}
}

func TestCreateKeyringDown(t *testing.T) {
	e := newEnv(t, &memStore{m: map[string]string{}, down: true})
	_, err := e.Create("dev", time.Now(), &bytes.Buffer{})
	if !errors.As(err, new(*keyring.UnavailableError)) {
		t.Fatalf("Create: %v", err)
	}
	if _, err := os.Stat(e.Config.Path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("config.toml written: %v", err)
	}
	if got := e.PrivateKeyState("dev"); got != "<keyring not available>" {
		t.Errorf("PrivateKeyState = %q", got)
	}
	if _, err := e.RootKey("", "dev", &bytes.Buffer{}); err == nil || err.Error() != "no root private key found for profile 'dev'; the OS keyring is not available (down)." {
		t.Errorf("RootKey: %v", err)
	}
}

func TestRootKeyMismatchWarning(t *testing.T) {
	store := &memStore{m: map[string]string{}}
	e := newEnv(t, store)
	must(t, os.MkdirAll(e.Home, 0o700))
	os.WriteFile(e.Config.Path, []byte("[profiles.dev]\nroot_pubkey = \"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"\n"), 0o600)
	c, err := Load(e.Config.Path)
	must(t, err)
	e.Config = c
	seed := bytes.Repeat([]byte{7}, 32)
	store.m["aster-root-dev"] = hex.EncodeToString(seed)
	var warn bytes.Buffer
	if _, err := e.RootKey("", "dev", &warn); err != nil {
		t.Fatal(err)
	}
	pub := hex.EncodeToString(ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey))
	want := "Warning: signing with root key " + pub[:16] + "..., but profile 'dev' has root_pubkey 0011223344556677...\n"
	if warn.String() != want {
		t.Errorf("warning %q, want %q", warn.String(), want)
	}
	delete(store.m, "aster-root-dev")
	_, err = e.RootKey("", "dev", &warn)
	var nk *NoRootKeyError
	if !errors.As(err, &nk) || !nk.HasPubkey || nk.Hint() != "The private key of profile 'dev' is not on this machine.\n  Or:  pass --root-key <path-to-root.key>" {
		t.Errorf("no key: %v", err)
	}
}

// TestCreateStoreFails: a key that cannot be stored leaves config.toml as
// it was and no temporary file beside it.
func TestCreateStoreFails(t *testing.T) {
	store := &memStore{m: map[string]string{}, onSet: func() error { return errors.New("disk full") }}
	e := newEnv(t, store)
	if err := os.MkdirAll(e.Home, 0o700); err != nil {
		t.Fatal(err)
	}
	old := []byte("# mine\n")
	if err := os.WriteFile(e.Config.Path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Create("dev", time.Now(), &bytes.Buffer{}); err == nil || err.Error() != "disk full" {
		t.Fatalf("Create: %v", err)
	}
	if got, _ := os.ReadFile(e.Config.Path); !bytes.Equal(got, old) {
		t.Errorf("config.toml changed to %q", got)
	}
	if entries, _ := os.ReadDir(e.Home); len(entries) != 1 {
		t.Errorf("left in %s: %v", e.Home, entries)
	}
}

// TestCreateRenameFails: when config.toml cannot take its new text after
// the key was stored, the key is removed again.
func TestCreateRenameFails(t *testing.T) {
	store := &memStore{m: map[string]string{}}
	e := newEnv(t, store)
	store.onSet = func() error {
		// Something takes config.toml's name that a file cannot replace.
		return os.MkdirAll(filepath.Join(e.Config.Path, "x"), 0o700)
	}
	if _, err := e.Create("dev", time.Now(), &bytes.Buffer{}); err == nil {
		t.Fatal("Create succeeded")
	}
	if len(store.m) != 0 {
		t.Errorf("keyring keeps %v", store.m)
	}
}
