package keyring

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

func seed(t *testing.T) []byte {
	t.Helper()
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpenBackend(t *testing.T) {
	home := t.TempDir()
	for v, file := range map[string]bool{"": false, "os": false, "file": true} {
		t.Setenv("ASTER_KEYRING", v)
		k, err := Open(home, nil)
		if err != nil || k.IsFile() != file {
			t.Errorf("ASTER_KEYRING=%q: IsFile=%v err=%v", v, k != nil && k.IsFile(), err)
		}
	}
	t.Setenv("ASTER_KEYRING", "vault")
	_, err := Open(home, nil)
	if err == nil || err.Error() != "ASTER_KEYRING must be 'os' or 'file', got 'vault'" {
		t.Errorf("bad backend: %v", err)
	}
}

func TestFileBackend(t *testing.T) {
	home := t.TempDir()
	var warn bytes.Buffer
	t.Setenv("ASTER_KEYRING", "file")
	k, err := Open(home, &warn)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := k.LoadRoot("dev"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("empty keyring: %v", err)
	}
	s := seed(t)
	if err := k.StoreRoot("dev", s); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(home, "keyring", "aster-root-dev")
	if k.FilePath("dev") != p {
		t.Errorf("FilePath = %s, want %s", k.FilePath("dev"), p)
	}
	if want := "Warning: ASTER_KEYRING=file stores the root private key unencrypted in " + p + ".\n"; warn.String() != want {
		t.Errorf("store warning %q, want %q", warn.String(), want)
	}
	b, err := os.ReadFile(p)
	if err != nil || string(b) != hex.EncodeToString(s)+"\n" {
		t.Fatalf("file holds %q (%v)", b, err)
	}
	if runtime.GOOS != "windows" {
		for path, want := range map[string]os.FileMode{p: 0o600, filepath.Dir(p): 0o700} {
			if st, err := os.Stat(path); err != nil || st.Mode().Perm() != want {
				t.Errorf("%s: mode %v, want %v", path, st.Mode().Perm(), want)
			}
		}
	}
	got, acct, err := k.LoadRoot("dev")
	if err != nil || !bytes.Equal(got, s) || acct != "aster-root-dev" {
		t.Fatalf("LoadRoot = %x, %s, %v", got, acct, err)
	}

	// Upper-case hex and surrounding space are accepted; others reading it
	// is reported.
	warn.Reset()
	os.WriteFile(p, []byte("  "+strings.ToUpper(hex.EncodeToString(s))+"\n\n"), 0o644)
	os.Chmod(p, 0o644)
	if got, _, err := k.LoadRoot("dev"); err != nil || !bytes.Equal(got, s) {
		t.Fatalf("upper-case entry: %x %v", got, err)
	}
	if runtime.GOOS != "windows" && !strings.Contains(warn.String(), "can be read by other users") {
		t.Errorf("no warning for a readable key file: %q", warn.String())
	}

	os.WriteFile(p, []byte("abcd\n"), 0o600)
	var m *MalformedError
	if _, _, err := k.LoadRoot("dev"); !errors.As(err, &m) || err.Error() != "keyring entry aster-root-dev is not a 64-hex root key" {
		t.Errorf("malformed entry: %v", err)
	}

	if removed, err := k.DeleteRoot("dev"); !removed || err != nil {
		t.Errorf("DeleteRoot = %v, %v", removed, err)
	}
	if removed, err := k.DeleteRoot("dev"); removed || err != nil {
		t.Errorf("second DeleteRoot = %v, %v", removed, err)
	}
	if _, _, err := k.LoadRoot("../x"); err == nil || errors.Is(err, ErrNotFound) {
		t.Errorf("path in account name accepted: %v", err)
	}
}

// fakeStore is an in-memory Store.
type fakeStore map[string]string

func (f fakeStore) Get(a string) (string, error) {
	if s, ok := f[a]; ok {
		return s, nil
	}
	return "", ErrNotFound
}
func (f fakeStore) Set(a, s string) error { f[a] = s; return nil }
func (f fakeStore) Delete(a string) error {
	if _, ok := f[a]; !ok {
		return ErrNotFound
	}
	delete(f, a)
	return nil
}

func TestLegacyAccount(t *testing.T) {
	s := seed(t)
	store := fakeStore{"root_privkey:prod": hex.EncodeToString(s)}
	k := New(store)
	got, acct, err := k.LoadRoot("prod")
	if err != nil || !bytes.Equal(got, s) || acct != "root_privkey:prod" {
		t.Fatalf("LoadRoot = %x, %s, %v", got, acct, err)
	}
	k.StoreRoot("prod", seed(t))
	if _, acct, _ := k.LoadRoot("prod"); acct != "aster-root-prod" {
		t.Errorf("our account is not preferred: %s", acct)
	}
	if removed, err := k.DeleteRoot("prod"); !removed || err != nil || len(store) != 0 {
		t.Errorf("DeleteRoot = %v, %v, left %v", removed, err, store)
	}
}

func TestTimeout(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
	s := &OSStore{Timeout: 50 * time.Millisecond}
	block := make(chan struct{})
	defer close(block)
	err := s.call(func() error { <-block; return nil })
	var u *UnavailableError
	if !errors.As(err, &u) || !strings.Contains(err.Error(), "no answer within 50ms") {
		t.Errorf("blocked call: %v", err)
	}
}

func TestOSUnreachable(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("Secret Service platforms only")
	}
	t.Setenv("XDG_RUNTIME_DIR", "")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	var u *UnavailableError
	_, _, err := New(&OSStore{Timeout: 5 * time.Second}).LoadRoot("dev")
	if !errors.As(err, &u) || !strings.Contains(err.Error(), "DBUS_SESSION_BUS_ADDRESS is not set") {
		t.Errorf("no bus: %v", err)
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	if _, _, err := New(&OSStore{Timeout: 5 * time.Second}).LoadRoot("dev"); !errors.As(err, &u) {
		t.Errorf("dead bus: %v", err)
	}
}

// TestOSKeyring runs against the session's real OS keyring; .ci/run enables
// it inside a private D-Bus session with an unlocked gnome-keyring.
func TestOSKeyring(t *testing.T) {
	if os.Getenv("ASTER_TEST_OS_KEYRING") != "1" {
		t.Skip("OS keyring not tested: set ASTER_TEST_OS_KEYRING=1 to create and delete test entries in the session's keyring")
	}
	k := New(&OSStore{Timeout: DefaultTimeout})
	profile := "test-" + hex.EncodeToString(seed(t)[:6])
	s := seed(t)
	if err := k.StoreRoot(profile, s); err != nil {
		t.Fatal(err)
	}
	got, acct, err := k.LoadRoot(profile)
	if err != nil || !bytes.Equal(got, s) || acct != RootAccount(profile) {
		t.Fatalf("LoadRoot = %x, %s, %v", got, acct, err)
	}
	if removed, err := k.DeleteRoot(profile); !removed || err != nil {
		t.Fatalf("DeleteRoot = %v, %v", removed, err)
	}

	// An entry the reference CLI left is read and deleted.
	legacy := seed(t)
	if err := gokeyring.Set(Service, LegacyAccount(profile), hex.EncodeToString(legacy)); err != nil {
		t.Fatal(err)
	}
	got, acct, err = k.LoadRoot(profile)
	if err != nil || !bytes.Equal(got, legacy) || acct != LegacyAccount(profile) {
		t.Fatalf("legacy LoadRoot = %x, %s, %v", got, acct, err)
	}
	if removed, err := k.DeleteRoot(profile); !removed || err != nil {
		t.Fatalf("legacy DeleteRoot = %v, %v", removed, err)
	}
	if _, _, err := k.LoadRoot(profile); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
}
