package trust

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asterkit/aster/internal/testenv"
)

func TestRootKeyFileRoundTrip(t *testing.T) {
	vec := filepath.Join(testenv.Vectors(t), "20_credentials", "keys")
	priv := vectorRootKey(t)
	want, _ := os.ReadFile(filepath.Join(vec, "root.key"))
	if got := EncodeRootKey(priv); !bytes.Equal(got, want) {
		t.Errorf("EncodeRootKey\n got %s\nwant %s", got, want)
	}
	wantPub, _ := os.ReadFile(filepath.Join(vec, "root.pub"))
	pub := priv.Public().(ed25519.PublicKey)
	if got := EncodeCompanionPub(pub); !bytes.Equal(got, wantPub) {
		t.Errorf("EncodeCompanionPub\n got %s\nwant %s", got, wantPub)
	}
	hexFile := EncodePublicKeyHex(pub)
	if len(hexFile) != 65 || hexFile[64] != '\n' || string(hexFile[:64]) != EndpointID(pub) {
		t.Errorf("EncodePublicKeyHex = %q", hexFile)
	}
	for _, text := range [][]byte{hexFile, wantPub, bytes.ToUpper(hexFile), []byte("  " + EndpointID(pub) + "  ")} {
		if got, ok := ParsePublicKey(text); !ok || !got.Equal(pub) {
			t.Errorf("ParsePublicKey(%q) = %x, %v", text, got, ok)
		}
	}
	for _, name := range []string{"root.key", "root.pub"} {
		got, err := ReadPublicKey(filepath.Join(vec, name))
		if err != nil || !got.Equal(pub) {
			t.Errorf("ReadPublicKey(%s) = %x, %v", name, got, err)
		}
	}
}

func writeTemp(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "k.key")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadRootKeyErrors(t *testing.T) {
	seed := strings.Repeat("ab", 32)
	other := strings.Repeat("cd", 32)
	cases := []struct{ content, detail string }{
		{"private_key = 1", "is not JSON"},
		{"", "is not JSON"},
		{`["x"]`, "is not a JSON object"},
		{`{"public_key": "` + seed + `"}`, `missing "private_key"`},
		{`{"private_key": "abcd"}`, `"private_key" is not 64 hex digits`},
		{`{"private_key": "` + strings.Repeat("zz", 32) + `"}`, `"private_key" is not 64 hex digits`},
		{`{"private_key": "` + seed + `00"}`, `"private_key" is not 64 hex digits`},
		{`{"private_key": 5}`, `"private_key" is not 64 hex digits`},
		{`{"private_key": "` + seed + `", "public_key": "` + other + `"}`, `"public_key" does not match "private_key"`},
		{`{"private_key": "` + seed + `", "public_key": "x"}`, `"public_key" is not 64 hex digits`},
	}
	for _, c := range cases {
		path := writeTemp(t, c.content)
		_, err := ReadRootKey(path)
		var ke *KeyFileError
		if !errors.As(err, &ke) || ke.NotFound || !strings.Contains(err.Error(), c.detail) ||
			!strings.HasPrefix(err.Error(), "invalid key file: ") {
			t.Errorf("ReadRootKey(%q) error = %v, want one containing %q", c.content, err, c.detail)
		}
	}
	missing := filepath.Join(t.TempDir(), "missing.key")
	if _, err := ReadRootKey(missing); err == nil || err.Error() != "key file not found: "+missing {
		t.Errorf("missing file: %v", err)
	}
	// Upper-case hex and extra members are accepted.
	priv, err := ReadRootKey(writeTemp(t, `{"note": 1, "private_key": "`+strings.ToUpper(seed)+`"}`))
	if err != nil || EndpointID(priv.Public().(ed25519.PublicKey)) == "" {
		t.Errorf("upper-case seed: %v", err)
	}
}

func TestReadPublicKeyErrors(t *testing.T) {
	for _, content := range []string{"", "abcd", `{"public_key": "abcd"}`, `{"x": 1}`, strings.Repeat("g", 64)} {
		path := writeTemp(t, content)
		_, err := ReadPublicKey(path)
		if err == nil || err.Error() != "invalid public key file: "+path {
			t.Errorf("ReadPublicKey(%q) error = %v", content, err)
		}
	}
	path := writeTemp(t, `{"private_key": "00"}`)
	if _, err := ReadPublicKey(path); err == nil || !strings.HasPrefix(err.Error(), "invalid key file: ") {
		t.Errorf("broken root key file as public key: %v", err)
	}
}

func TestWriteKeyPairKeyOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "dir")
	path := filepath.Join(dir, "root.key")
	seed, err := GenerateSeed()
	if err != nil {
		t.Fatal(err)
	}
	priv := ed25519.NewKeyFromSeed(seed)
	if err := WriteKeyPair(path, priv, "", false); err != nil {
		t.Fatal(err)
	}
	for p, mode := range map[string]os.FileMode{path: 0o600, dir: 0o700} {
		st, err := os.Stat(p)
		if err != nil || st.Mode().Perm() != mode {
			t.Errorf("%s: mode %v, %v; want %v", p, st.Mode().Perm(), err, mode)
		}
	}
	back, err := ReadRootKey(path)
	if err != nil || !back.Equal(priv) {
		t.Fatalf("read back: %v", err)
	}
	other := ed25519.NewKeyFromSeed(make([]byte, 32))
	var ee *ExistsError
	if err := WriteKeyPair(path, other, "", false); !errors.As(err, &ee) || err.Error() != "key file already exists: "+path {
		t.Errorf("overwrite without force: %v", err)
	}
	if back, _ := ReadRootKey(path); !back.Equal(priv) {
		t.Error("refused overwrite changed the file")
	}
	if err := WriteKeyPair(path, other, "", true); err != nil {
		t.Fatal(err)
	}
	if back, _ := ReadRootKey(path); !back.Equal(other) {
		t.Error("--force did not replace the key")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left-over files: %v", entries)
	}
}

func TestWriteFileErrors(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, nil, 0o600)
	var we *WriteError
	err := WriteFile(filepath.Join(blocker, "x.json"), []byte("x"), 0o600, 0o700, false)
	if !errors.As(err, &we) || !strings.HasPrefix(err.Error(), "cannot write "+filepath.Join(blocker, "x.json")+": ") {
		t.Errorf("write under a file: %v", err)
	}
	if err := WriteFile(dir, []byte("x"), 0o600, 0o700, false); !errors.As(err, &we) {
		t.Errorf("write over a directory: %v", err)
	}
}

func TestCompanionPath(t *testing.T) {
	cases := map[string]string{
		"keys/root.key":      "keys/root.pub",
		"root.key":           "root.pub",
		"root":               "root.pub",
		".rootkey":           ".rootkey.pub",
		"/a/.aster/rootkey":  "/a/.aster/rootkey.pub",
		"dir.d/root.tar.key": "dir.d/root.tar.pub",
	}
	for in, want := range cases {
		if got := CompanionPath(in); got != want {
			t.Errorf("CompanionPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseEndpointID(t *testing.T) {
	id := strings.Repeat("Ab", 32)
	if got, err := ParseEndpointID(id); err != nil || got != strings.ToLower(id) {
		t.Errorf("ParseEndpointID(%q) = %q, %v", id, got, err)
	}
	for _, bad := range []string{"", "ab", id + "a", strings.Repeat("zz", 32)} {
		if _, err := ParseEndpointID(bad); err == nil {
			t.Errorf("ParseEndpointID(%q) accepted", bad)
		}
	}
}
