package trust

import (
	"bytes"
	"crypto/ed25519"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newKey returns a fresh root key.
func newKey(t *testing.T) ed25519.PrivateKey {
	t.Helper()
	seed, err := GenerateSeed()
	if err != nil {
		t.Fatal(err)
	}
	return ed25519.NewKeyFromSeed(seed)
}

// pubIn reads the public key of the .pub file at path.
func pubIn(t *testing.T, path string) ed25519.PublicKey {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pub, ok := ParsePublicKey(data)
	if !ok {
		t.Fatalf("%s: not a public key file", path)
	}
	return pub
}

func TestWriteKeyPair(t *testing.T) {
	dir := t.TempDir()
	path, pubPath := filepath.Join(dir, "root.key"), filepath.Join(dir, "root.pub")
	for _, force := range []bool{false, true} {
		priv := newKey(t)
		if err := WriteKeyPair(path, priv, pubPath, force); err != nil {
			t.Fatal(err)
		}
		got, err := ReadRootKey(path)
		if err != nil || !got.Equal(priv) {
			t.Fatalf("key file: %v", err)
		}
		if !pubIn(t, pubPath).Equal(priv.Public()) {
			t.Fatal(".pub does not match the key")
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestLoadRootKeyCompletesInterruptedKeygen builds the state a kill between
// WriteKeyPair's two renames leaves: the new key file, the old .pub and the
// new .pub complete in its temporary file. LoadRootKey puts the new .pub in
// place and says so.
func TestLoadRootKeyCompletesInterruptedKeygen(t *testing.T) {
	dir := t.TempDir()
	path, pubPath := filepath.Join(dir, "root.key"), filepath.Join(dir, "root.pub")
	old, priv := newKey(t), newKey(t)
	if err := WriteKeyPair(path, old, pubPath, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteKeyPair(path, priv, "", true); err != nil {
		t.Fatal(err)
	}
	pending := pubPath + ".tmp-KILLED"
	if err := os.WriteFile(pending, EncodeCompanionPub(priv.Public().(ed25519.PublicKey)), 0o644); err != nil {
		t.Fatal(err)
	}
	var warn bytes.Buffer
	got, err := LoadRootKey(path, &warn)
	if err != nil || !got.Equal(priv) {
		t.Fatalf("LoadRootKey: %v", err)
	}
	if !pubIn(t, pubPath).Equal(priv.Public()) {
		t.Error(".pub was not completed")
	}
	if _, err := os.Lstat(pending); err == nil {
		t.Error("the pending .pub is still there")
	}
	if !strings.Contains(warn.String(), "left unfinished by an interrupted 'aster trust keygen root'") {
		t.Errorf("warning %q", warn.String())
	}
}

// TestLoadRootKeyReportsMismatch: a .pub of another key, with nothing to
// complete it from, is reported and left alone; a matching one is silent.
func TestLoadRootKeyReportsMismatch(t *testing.T) {
	dir := t.TempDir()
	path, pubPath := filepath.Join(dir, "root.key"), filepath.Join(dir, "root.pub")
	priv, other := newKey(t), newKey(t)
	if err := WriteKeyPair(path, priv, pubPath, false); err != nil {
		t.Fatal(err)
	}
	var warn bytes.Buffer
	if _, err := LoadRootKey(path, &warn); err != nil || warn.Len() != 0 {
		t.Fatalf("matching pair: %v, %q", err, warn.String())
	}
	otherPub := EncodeCompanionPub(other.Public().(ed25519.PublicKey))
	if err := os.WriteFile(pubPath, otherPub, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadRootKey(path, &warn); err != nil {
		t.Fatal(err)
	}
	if want := "Warning: " + pubPath + " holds a different public key than " + path; !strings.HasPrefix(warn.String(), want) {
		t.Errorf("warning %q, want prefix %q", warn.String(), want)
	}
	if b, _ := os.ReadFile(pubPath); !bytes.Equal(b, otherPub) {
		t.Error("the mismatched .pub was changed")
	}
}
