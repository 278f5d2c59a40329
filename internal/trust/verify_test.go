package trust

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// signedPeer makes an identity with one peer "ops" of role, signed over
// signed, whose stored attributes are stored.
func signedPeer(t *testing.T, role string, signed Attributes, stored map[string]string) *Identity {
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
	return &Identity{EndpointID: eid, Peers: []Peer{{
		Name: "ops", Role: role, Type: "policy", RootPubkey: hex.EncodeToString(c.RootPubkey),
		EndpointID: eid, ExpiresAt: c.ExpiresAt, Signature: hex.EncodeToString(c.Signature), Attributes: stored,
	}}}
}

func TestVerifyPeerViews(t *testing.T) {
	opts := VerifyOptions{Now: vectorClock}
	role := Attributes{{"aster.role", "consumer"}}
	id := signedPeer(t, "consumer", role, nil)
	_, err := id.VerifyPeer(id.Peers[0], opts)
	wantInvalid(t, "consumer omitting aster.role", err,
		`signature covers aster.role="consumer", which the file omits; runtimes present the file's attributes as written, so admission will fail`)

	id = signedPeer(t, "consumer", Attributes{{"aster.role", "x"}, {"aster.name", "ops"}}, map[string]string{"aster.role": "x"})
	_, err = id.VerifyPeer(id.Peers[0], opts)
	wantInvalid(t, "consumer omitting aster.name", err, `signature covers aster.name="ops", which the file omits`)

	id = signedPeer(t, "consumer", Attributes{{"aster.role", "consumer"}, {"aster.name", "ops"}}, nil)
	_, err = id.VerifyPeer(id.Peers[0], opts)
	wantInvalid(t, "consumer omitting both", err, `signature covers aster.role="consumer" and aster.name="ops", which the file omits`)

	id = signedPeer(t, "consumer", Attributes{{"aster.role", "other"}}, nil)
	_, err = id.VerifyPeer(id.Peers[0], opts)
	wantInvalid(t, "consumer with a foreign signature", err, "signature does not verify")

	id = signedPeer(t, "consumer", Attributes{{"k", "v"}}, map[string]string{"k": "v"})
	if _, err := id.VerifyPeer(id.Peers[0], opts); err != nil {
		t.Errorf("consumer verbatim: %v", err)
	}
	other := opts
	other.EndpointID = strings.Repeat("1", 64)
	_, err = id.VerifyPeer(id.Peers[0], other)
	wantInvalid(t, "--endpoint-id overrides the file's own", err, "bound to endpoint ")

	id = signedPeer(t, "producer", Attributes{{"aster.role", "producer"}, {"aster.name", "ops"}}, nil)
	if _, err := id.VerifyPeer(id.Peers[0], opts); err != nil {
		t.Errorf("producer with both attributes restored: %v", err)
	}
	id = signedPeer(t, "producer", Attributes{{"aster.role", "producer"}, {"aster.name", "ops"}, {"t", "1"}}, map[string]string{"t": "2"})
	_, err = id.VerifyPeer(id.Peers[0], opts)
	wantInvalid(t, "producer with a changed attribute", err, "signature does not verify")
}

func TestVerifyPeerBindsToTheFilesNode(t *testing.T) {
	id := signedPeer(t, "consumer", Attributes{{"k", "v"}}, map[string]string{"k": "v"})
	own := id.EndpointID
	id.EndpointID = strings.Repeat("2", 64)
	_, err := id.VerifyPeer(id.Peers[0], VerifyOptions{Now: vectorClock})
	wantInvalid(t, "peer bound to another node", err, "bound to endpoint "+own[:16]+"..., not 2222222222222222...")
	id.EndpointID = ""
	if _, err := id.VerifyPeer(id.Peers[0], VerifyOptions{Now: vectorClock}); err != nil {
		t.Errorf("file without a node key: %v", err)
	}
}

func TestPeerCredentialMalformed(t *testing.T) {
	id := signedPeer(t, "consumer", nil, nil)
	p := id.Peers[0]
	p.Type = "producer"
	_, err := id.VerifyPeer(p, VerifyOptions{Now: vectorClock})
	wantInvalid(t, "consumer peer of type producer", err, `malformed: unknown consumer type "producer"`)
	p = id.Peers[0]
	p.Type = "ott"
	_, err = id.VerifyPeer(p, VerifyOptions{Now: vectorClock})
	wantInvalid(t, "ott peer without nonce", err, "ott credential has no nonce")
	p = id.Peers[0]
	p.Signature = p.Signature[2:]
	_, err = id.VerifyPeer(p, VerifyOptions{Now: vectorClock})
	wantInvalid(t, "short signature", err, `malformed: "signature" is not 128 hex digits`)
}
