package trust

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/internal/testenv"
)

func vectorCredential(t *testing.T, name string) *Credential {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testenv.Vectors(t), "20_credentials", "out", name))
	if err != nil {
		t.Fatal(err)
	}
	c, err := DecodeCredential(data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func wantInvalid(t *testing.T, what string, err error, reason string) {
	t.Helper()
	var ie *InvalidError
	if !errors.As(err, &ie) || !strings.HasPrefix(ie.Reason, reason) {
		t.Errorf("%s: got %v, want INVALID %q", what, err, reason)
	}
}

func TestVerifyRejects(t *testing.T) {
	opts := VerifyOptions{Now: vectorClock}
	producer := func() *Credential { return vectorCredential(t, "producer.json") }

	c := producer()
	c.Signature[7] ^= 1
	wantInvalid(t, "flipped signature byte", Verify(c, opts), "signature does not verify")

	c = producer()
	c.Attributes.Set("zeta", "cafe")
	wantInvalid(t, "changed attribute", Verify(c, opts), "signature does not verify")

	c = producer()
	c.Attributes.Set("extra", "1")
	wantInvalid(t, "added attribute", Verify(c, opts), "signature does not verify")

	c = producer()
	expired := opts
	expired.Now = time.Unix(c.ExpiresAt, 0)
	wantInvalid(t, "expired", Verify(c, expired), "expired at "+FormatTime(c.ExpiresAt))

	c = producer()
	pinned := opts
	pinned.PinnedRoot = ed25519.NewKeyFromSeed(make([]byte, 32)).Public().(ed25519.PublicKey)
	wantInvalid(t, "wrong root", Verify(c, pinned), "root_pubkey "+hex.EncodeToString(c.RootPubkey)[:16]+"... is not the pinned root "+hex.EncodeToString(pinned.PinnedRoot)[:16]+"...")

	c = producer()
	bound := opts
	bound.EndpointID = strings.Repeat("0", 64)
	wantInvalid(t, "other endpoint", Verify(c, bound), "bound to endpoint "+c.EndpointID[:16]+"..., not 0000000000000000...")

	c = producer()
	c.ExpiresAt++
	wantInvalid(t, "changed expiry", Verify(c, opts), "signature does not verify")

	// An unbound policy credential is valid for any endpoint.
	if err := Verify(vectorCredential(t, "policy_unbound.json"), bound); err != nil {
		t.Errorf("unbound policy with --endpoint-id: %v", err)
	}

	c = vectorCredential(t, "ott.json")
	c.Nonce = nil
	wantInvalid(t, "ott without nonce", Verify(c, opts), "ott credential has no nonce")
	c = vectorCredential(t, "ott.json")
	c.Nonce = c.Nonce[:31]
	wantInvalid(t, "short nonce", Verify(c, opts), "nonce must be 32 bytes")
	c = vectorCredential(t, "policy_bound.json")
	c.Nonce = make([]byte, 32)
	wantInvalid(t, "policy with nonce", Verify(c, opts), "policy credential must not carry a nonce")
}

func TestDecodeCredentialMalformed(t *testing.T) {
	good := `"root_pubkey": "` + strings.Repeat("ab", 32) + `", "signature": "` + strings.Repeat("cd", 64) + `", "expires_at": 5`
	cases := []struct{ json, reason string }{
		{`[]`, "malformed: not a JSON object"},
		{`{` + good + `}`, `malformed: missing "type"`},
		{`{"type": "admin", ` + good + `}`, `malformed: unknown type "admin"`},
		{`{"type": "policy", "root_pubkey": "ab", "signature": "", "expires_at": 5}`, `malformed: "root_pubkey" is not 64 hex digits`},
		{`{"type": "policy", "root_pubkey": "` + strings.Repeat("ab", 32) + `", "signature": "cd", "expires_at": 5}`, `malformed: "signature" is not 128 hex digits`},
		{`{"type": "policy", ` + strings.Replace(good, "5", "-1", 1) + `}`, `malformed: "expires_at" is not a non-negative integer`},
		{`{"type": "policy", ` + strings.Replace(good, "5", "5.0", 1) + `}`, `malformed: "expires_at" is not a non-negative integer`},
		{`{"type": "policy", ` + strings.Replace(good, "5", "99999999999999999999", 1) + `}`, `malformed: "expires_at" is not a non-negative integer`},
		{`{"type": "policy", "attributes": {"a": 1}, ` + good + `}`, `malformed: attribute "a" is not a string`},
		{`{"type": "policy", "attributes": [], ` + good + `}`, `malformed: "attributes" is not an object`},
		{`{"type": "policy", "endpoint_id": 1, ` + good + `}`, `malformed: "endpoint_id" is not a string`},
		{`{"type": "ott", "nonce": "xyz", ` + good + `}`, `malformed: "nonce" is not hex`},
	}
	for _, c := range cases {
		_, err := DecodeCredential([]byte(c.json))
		wantInvalid(t, c.json, err, c.reason)
	}
	var ie *InvalidError
	if _, err := DecodeCredential([]byte("{")); err == nil || errors.As(err, &ie) {
		t.Errorf("truncated JSON: %v, want a read error", err)
	}
	// A producer without endpoint_id decodes but fails the structure check.
	c, err := DecodeCredential([]byte(`{"credential_type": "producer", "endpoint_id": "", ` + good + `}`))
	if err != nil {
		t.Fatal(err)
	}
	wantInvalid(t, "producer without endpoint", Verify(c, VerifyOptions{}), "malformed: producer credential has no endpoint_id")
}

func TestCanonicalJSON(t *testing.T) {
	attrs := Attributes{{"team", "<R&D>"}, {"aster.role", "ops.status"}, {"Zone", "eu\u2028west"},
		{"note", "tab\there \"q\" \\ café 😀\x7f\x01"}}
	got, err := attrs.CanonicalJSON()
	want := `{"Zone":"eu` + "\u2028" + `west","aster.role":"ops.status","note":"tab\there \"q\" \\ café 😀` + "\x7f" + `\u0001","team":"<R&D>"}`
	if err != nil || string(got) != want {
		t.Errorf("CanonicalJSON = %s, %v\nwant %s", got, err, want)
	}
	if got, _ := (Attributes{}).CanonicalJSON(); string(got) != "{}" {
		t.Errorf("empty attributes = %s", got)
	}
	for _, bad := range []Attributes{{{"k", "\xff"}}, {{"\xed\xa0\x80", "v"}}} {
		if _, err := bad.CanonicalJSON(); err == nil {
			t.Errorf("CanonicalJSON(%q) accepted invalid UTF-8", bad)
		}
	}
}

func TestAttributesSet(t *testing.T) {
	var a Attributes
	a.Set("b", "1")
	a.Set("a", "2")
	a.Set("b", "3")
	if len(a) != 2 || a[0] != (Attribute{"b", "3"}) || a[1] != (Attribute{"a", "2"}) {
		t.Errorf("Set: %v", a)
	}
}

func readIdentity(t *testing.T, name string) *Identity {
	t.Helper()
	id, err := ReadIdentity(filepath.Join(testenv.Vectors(t), "21_enroll_identity", name))
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestIdentityVectorsVerify(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testenv.Vectors(t), "21_enroll_identity", "*.aster-identity"))
	if len(files) != 3 {
		t.Fatalf("identity vectors: %v", files)
	}
	for _, f := range files {
		id := readIdentity(t, filepath.Base(f))
		if id.EndpointID == "" || len(id.Peers) == 0 {
			t.Fatalf("%s: %+v", f, id)
		}
		for _, p := range id.Peers {
			c, err := id.VerifyPeer(p, VerifyOptions{Now: vectorClock})
			if err != nil {
				t.Errorf("%s#%s: %v", filepath.Base(f), p.Name, err)
				continue
			}
			if c.EndpointID != id.EndpointID {
				t.Errorf("%s#%s bound to %s", filepath.Base(f), p.Name, c.EndpointID)
			}
		}
	}
}

// TestIdentityPayloads checks the signed bytes of each attribute view that
// step2_payloads.json records, and which of them the signature covers.
func TestIdentityPayloads(t *testing.T) {
	vec := readVectorJSON(t, filepath.Join(testenv.Vectors(t), "21_enroll_identity", "step2_payloads.json"))
	id := readIdentity(t, "step2_plus_consumer.aster-identity")
	if eid := str(t, vec, "node_endpoint_id"); id.EndpointID != eid {
		t.Errorf("EndpointID %s, want %s", id.EndpointID, eid)
	}
	peers, _ := vec.Get("peers")
	for _, pv := range peers.([]any) {
		pv := pv.(pyjson.Object)
		p, ok := id.Peer(str(t, pv, "name"))
		if !ok {
			t.Fatalf("no peer %s", str(t, pv, "name"))
		}
		for _, view := range pv[1:] {
			vo := view.Value.(pyjson.Object)
			typ := Producer
			if p.Role != "producer" {
				typ = Policy
			}
			c, err := credentialFromMembers(func(k string) (any, bool) { v, ok := p.members[k]; return v, ok }, typ)
			if err != nil {
				t.Fatal(err)
			}
			attrs, _ := vo.Get("attributes")
			c.Attributes = nil
			for _, m := range attrs.(pyjson.Object) {
				c.Attributes = append(c.Attributes, Attribute{m.Key, m.Value.(string)})
			}
			msg, _ := c.SigningBytes()
			if got, want := hex.EncodeToString(msg), str(t, vo, "signed_payload_hex"); got != want {
				t.Errorf("%s %s: signed bytes\n got %s\nwant %s", p.Name, view.Key, got, want)
			}
			valid, _ := vo.Get("signature_valid")
			if c.SignatureValid() != valid.(bool) {
				t.Errorf("%s %s: signature valid %v, want %v", p.Name, view.Key, !valid.(bool), valid)
			}
		}
	}
}

// signedPeer makes an identity file with one peer "ops" of role, signed
// over signed, whose attributes line is fileAttrs.
func signedPeer(t *testing.T, role string, signed Attributes, fileAttrs string) *Identity {
	t.Helper()
	node := ed25519.NewKeyFromSeed(make([]byte, 32))
	eid := EndpointID(node.Public().(ed25519.PublicKey))
	c := &Credential{Type: Policy, EndpointID: eid, ExpiresAt: vectorClock.Unix() + 3600, Attributes: signed}
	if role == "producer" {
		c.Type = Producer
	}
	if err := c.Sign(vectorRootKey(t)); err != nil {
		t.Fatal(err)
	}
	text := fmt.Sprintf(`[node]
secret_key = "%s"

[[peers]]
name = "ops"
role = "%s"
type = "policy"
root_pubkey = "%x"
endpoint_id = "%s"
expires_at = %d
signature = "%x"
%s
`, base64.StdEncoding.EncodeToString(node.Seed()), role, c.RootPubkey, eid, c.ExpiresAt, c.Signature, fileAttrs)
	id, err := ParseIdentity([]byte(text))
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	return id
}

func TestVerifyPeerViews(t *testing.T) {
	opts := VerifyOptions{Now: vectorClock}
	role := Attributes{{"aster.role", "consumer"}}
	id := signedPeer(t, "consumer", role, "")
	_, err := id.VerifyPeer(id.Peers[0], opts)
	wantInvalid(t, "consumer omitting aster.role", err,
		`signature covers aster.role="consumer", which the file omits; runtimes present the file's attributes as written, so admission will fail`)

	id = signedPeer(t, "consumer", Attributes{{"aster.role", "x"}, {"aster.name", "ops"}}, `attributes = { "aster.role" = "x" }`)
	_, err = id.VerifyPeer(id.Peers[0], opts)
	wantInvalid(t, "consumer omitting aster.name", err, `signature covers aster.name="ops", which the file omits`)

	id = signedPeer(t, "consumer", Attributes{{"aster.role", "consumer"}, {"aster.name", "ops"}}, "")
	_, err = id.VerifyPeer(id.Peers[0], opts)
	wantInvalid(t, "consumer omitting both", err, `signature covers aster.role="consumer" and aster.name="ops", which the file omits`)

	id = signedPeer(t, "consumer", Attributes{{"aster.role", "other"}}, "")
	_, err = id.VerifyPeer(id.Peers[0], opts)
	wantInvalid(t, "consumer with a foreign signature", err, "signature does not verify")

	id = signedPeer(t, "consumer", Attributes{{"k", "v"}}, `attributes = { "k" = "v" }`)
	if _, err := id.VerifyPeer(id.Peers[0], opts); err != nil {
		t.Errorf("consumer verbatim: %v", err)
	}
	other := opts
	other.EndpointID = strings.Repeat("1", 64)
	_, err = id.VerifyPeer(id.Peers[0], other)
	wantInvalid(t, "--endpoint-id overrides the file's own", err, "bound to endpoint ")

	id = signedPeer(t, "producer", Attributes{{"aster.role", "producer"}, {"aster.name", "ops"}}, "")
	if _, err := id.VerifyPeer(id.Peers[0], opts); err != nil {
		t.Errorf("producer with both attributes restored: %v", err)
	}
	id = signedPeer(t, "producer", Attributes{{"aster.role", "producer"}, {"aster.name", "ops"}, {"t", "1"}}, `attributes = { "t" = "2" }`)
	_, err = id.VerifyPeer(id.Peers[0], opts)
	wantInvalid(t, "producer with a changed attribute", err, "signature does not verify")
}

func TestVerifyPeerBindsToTheFilesNode(t *testing.T) {
	id := readIdentity(t, "step2_plus_consumer.aster-identity")
	own := id.EndpointID
	id.EndpointID = strings.Repeat("2", 64)
	for _, p := range id.Peers {
		_, err := id.VerifyPeer(p, VerifyOptions{Now: vectorClock})
		wantInvalid(t, p.Name, err, "bound to endpoint "+own[:16]+"..., not 2222222222222222...")
	}
}

func TestParseIdentityErrors(t *testing.T) {
	for text, want := range map[string]string{
		"[node\n":                        "invalid TOML",
		"peers = 1\n":                    "peers is not an array of tables",
		"peers = [1]\n":                  "peers is not an array of tables",
		"[node]\nsecret_key = \"abc\"\n": "[node] secret_key is not a base64-encoded 32-byte key",
	} {
		if _, err := ParseIdentity([]byte(text)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseIdentity(%q) = %v, want %q", text, err, want)
		}
	}
	id, err := ParseIdentity(nil)
	if err != nil || id.EndpointID != "" || len(id.Peers) != 0 {
		t.Errorf("empty file: %+v, %v", id, err)
	}
}
