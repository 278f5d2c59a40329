package trust

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/internal/testenv"
)

// vectorClock is the frozen clock the reference ran with.
var vectorClock = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func readVectorJSON(t *testing.T, path string) pyjson.Object {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := pyjson.Unmarshal(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v.(pyjson.Object)
}

func str(t *testing.T, obj pyjson.Object, key string) string {
	t.Helper()
	v, _ := obj.Get(key)
	s, _ := v.(string)
	return s
}

func vectorRootKey(t *testing.T) ed25519.PrivateKey {
	t.Helper()
	priv, err := ReadRootKey(filepath.Join(testenv.Vectors(t), "20_credentials", "keys", "root.key"))
	if err != nil {
		t.Fatal(err)
	}
	return priv
}

// payloadCases lists the *.payload.json files of vector 20.
func payloadCases(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(testenv.Vectors(t), "20_credentials", "out", "*.payload.json"))
	if err != nil || len(files) != 5 {
		t.Fatalf("payload vectors: %v %v", files, err)
	}
	return files
}

// credentialFromSigningJSON rebuilds the credential the reference signed
// from the inputs its payload file records (rust_core_signing_json).
func credentialFromSigningJSON(t *testing.T, in pyjson.Object) *Credential {
	t.Helper()
	typ := Producer
	if str(t, in, "kind") == "consumer" {
		typ = Type(str(t, in, "credential_type"))
	}
	exp, _ := in.Get("expires_at")
	c := &Credential{Type: typ, EndpointID: str(t, in, "endpoint_id"), ExpiresAt: exp.(int64)}
	attrs, _ := in.Get("attributes")
	for _, m := range attrs.(pyjson.Object) {
		c.Attributes = append(c.Attributes, Attribute{m.Key, m.Value.(string)})
	}
	if n := str(t, in, "nonce"); n != "" {
		c.Nonce, _ = hex.DecodeString(n)
	}
	return c
}

func TestSignMatchesVectors(t *testing.T) {
	root := vectorRootKey(t)
	for _, file := range payloadCases(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".payload.json")
		t.Run(name, func(t *testing.T) {
			p := readVectorJSON(t, file)
			in, _ := p.Get("rust_core_signing_json")
			c := credentialFromSigningJSON(t, in.(pyjson.Object))
			if err := c.Sign(root); err != nil {
				t.Fatal(err)
			}
			msg, err := c.SigningBytes()
			if err != nil {
				t.Fatal(err)
			}
			if got, want := hex.EncodeToString(msg), str(t, p, "signed_payload_hex"); got != want {
				t.Errorf("signed bytes\n got %s\nwant %s", got, want)
			}
			n, _ := p.Get("signed_payload_len")
			if int64(len(msg)) != n.(int64) {
				t.Errorf("signed length %d, want %v", len(msg), n)
			}
			if got, want := hex.EncodeToString(c.Signature), str(t, p, "signature_hex"); got != want {
				t.Errorf("signature\n got %s\nwant %s", got, want)
			}
			want, err := os.ReadFile(filepath.Join(filepath.Dir(file), name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			if got := c.MarshalFile(); !bytes.Equal(got, want) {
				t.Errorf("credential file\n got %s\nwant %s", got, want)
			}
		})
	}
}

func TestDecodeAndVerifyVectors(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testenv.Vectors(t), "20_credentials", "out", "*.json"))
	var n int
	for _, file := range files {
		if strings.HasSuffix(file, ".payload.json") {
			continue
		}
		n++
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		c, err := DecodeCredential(data)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if !bytes.Equal(c.MarshalFile(), data) {
			t.Errorf("%s: decode/encode round trip changed the bytes", file)
		}
		if err := Verify(c, VerifyOptions{Now: vectorClock, PinnedRoot: vectorRootKey(t).Public().(ed25519.PublicKey)}); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
	if n != 5 {
		t.Fatalf("found %d credential vectors, want 5", n)
	}
}
