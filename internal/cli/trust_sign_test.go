package cli

import (
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/internal/testenv"
	"github.com/asterkit/aster/internal/trust"
)

// vectorMember reads one string member of a JSON vector file.
func vectorMember(t *testing.T, path, key string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := pyjson.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := v.(pyjson.Object).Get(key)
	s, _ := m.(string)
	return s
}

// TestSignOTTLayout signs an ott credential as the reference did and checks
// that its signed bytes are the vector's with only the nonce different.
func TestSignOTTLayout(t *testing.T) {
	vec := filepath.Join(testenv.Vectors(t), "20_credentials")
	out := filepath.Join(t.TempDir(), "ott.json")
	var stdout, stderr bytes.Buffer
	code := Main([]string{"trust", "sign", "--root-key", filepath.Join(vec, "keys", "root.key"), "--type", "ott",
		"--expires", "2030-01-01T00:00:00Z", "--out", out}, nil, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	cred, err := trust.DecodeCredential(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := trust.Verify(cred, trust.VerifyOptions{}); err != nil {
		t.Fatalf("our ott credential: %v", err)
	}
	msg, err := cred.SigningBytes()
	if err != nil {
		t.Fatal(err)
	}
	refNonce := vectorMember(t, filepath.Join(vec, "out", "ott.json"), "nonce")
	refPayload := vectorMember(t, filepath.Join(vec, "out", "ott.payload.json"), "signed_payload_hex")
	if !strings.HasSuffix(refPayload, refNonce) {
		t.Fatalf("vector payload does not end with its nonce")
	}
	want := strings.TrimSuffix(refPayload, refNonce) + hex.EncodeToString(cred.Nonce)
	if got := hex.EncodeToString(msg); got != want {
		t.Errorf("ott signed bytes\n got %s\nwant %s", got, want)
	}
	if hex.EncodeToString(cred.Nonce) == refNonce {
		t.Error("the nonce is not fresh")
	}
}
