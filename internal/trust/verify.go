package trust

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"sort"
	"time"

	"github.com/asterkit/aster/internal/pyjson"
)

// InvalidError is a credential that does not verify; Reason is the text of
// its INVALID line.
type InvalidError struct {
	Reason string
}

func (e *InvalidError) Error() string { return e.Reason }

func invalidf(format string, args ...any) *InvalidError {
	return &InvalidError{Reason: fmt.Sprintf(format, args...)}
}

// VerifyOptions are the inputs of a verification besides the credential.
type VerifyOptions struct {
	// Now is the current time; a credential expiring at or before it is
	// expired.
	Now time.Time
	// PinnedRoot, when set, is the only root key accepted.
	PinnedRoot ed25519.PublicKey
	// EndpointID, when set, is the lowercase EndpointId a bound credential
	// must name.
	EndpointID string
}

// DecodeCredential reads a credential file. It fails with a plain error
// when data is not JSON, and with an *InvalidError ("malformed: …") when
// the JSON is not a credential. Unknown members are ignored; "type" may be
// spelled "credential_type".
func DecodeCredential(data []byte) (*Credential, error) {
	v, err := pyjson.Unmarshal(data)
	if err != nil {
		return nil, fmt.Errorf("not valid JSON: %v", err)
	}
	m, ok := v.(pyjson.Object)
	if !ok {
		return nil, invalidf("malformed: not a JSON object")
	}
	raw, ok := m.Get("type")
	if !ok {
		raw, _ = m.Get("credential_type")
	}
	typ, _ := raw.(string)
	switch Type(typ) {
	case Producer, Policy, OTT:
	default:
		if raw == nil {
			return nil, invalidf(`malformed: missing "type"`)
		}
		return nil, invalidf("malformed: unknown type %s", jsonText(raw))
	}
	return credentialFromMembers(m.Get, Type(typ))
}

// jsonText renders a decoded JSON value for a message.
func jsonText(v any) string {
	b, err := pyjson.Marshal(v, pyjson.Options{Indent: -1, SortKeys: true})
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// member looks up a member of a decoded object.
type member func(key string) (any, bool)

// value is the member's value, nil when absent.
func (get member) value(key string) any {
	v, _ := get(key)
	return v
}

// credentialFromMembers builds a credential of type typ from the decoded
// members of a JSON object or an identity peer, checking every member's shape.
func credentialFromMembers(get member, typ Type) (*Credential, error) {
	c := &Credential{Type: typ}
	var ok bool
	s, _ := get.value("root_pubkey").(string)
	if c.RootPubkey, ok = decodeHex32(s); !ok {
		return nil, invalidf(`malformed: "root_pubkey" is not 64 hex digits`)
	}
	s, _ = get.value("signature").(string)
	if sig, err := hex.DecodeString(s); err != nil || len(sig) != ed25519.SignatureSize {
		return nil, invalidf(`malformed: "signature" is not 128 hex digits`)
	} else {
		c.Signature = sig
	}
	if c.ExpiresAt, ok = nonNegativeInt(get.value("expires_at")); !ok {
		return nil, invalidf(`malformed: "expires_at" is not a non-negative integer`)
	}
	switch attrs := get.value("attributes").(type) {
	case nil:
	case pyjson.Object:
		for _, at := range attrs {
			v, ok := at.Value.(string)
			if !ok {
				return nil, invalidf("malformed: attribute %q is not a string", at.Key)
			}
			c.Attributes = append(c.Attributes, Attribute{Key: at.Key, Value: v})
		}
	case map[string]any:
		keys := make([]string, 0, len(attrs))
		for k := range attrs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v, ok := attrs[k].(string)
			if !ok {
				return nil, invalidf("malformed: attribute %q is not a string", k)
			}
			c.Attributes = append(c.Attributes, Attribute{Key: k, Value: v})
		}
	default:
		return nil, invalidf(`malformed: "attributes" is not an object`)
	}
	if c.EndpointID, ok = optionalString(get.value("endpoint_id")); !ok {
		return nil, invalidf(`malformed: "endpoint_id" is not a string`)
	}
	nonce, ok := optionalString(get.value("nonce"))
	if !ok {
		return nil, invalidf(`malformed: "nonce" is not a string`)
	}
	if nonce != "" {
		b, err := hex.DecodeString(nonce)
		if err != nil {
			return nil, invalidf(`malformed: "nonce" is not hex`)
		}
		c.Nonce = b
	}
	return c, nil
}

// nonNegativeInt accepts an integer that fits int64 and is not negative.
func nonNegativeInt(v any) (int64, bool) {
	n, ok := v.(int64)
	return n, ok && n >= 0
}

// optionalString accepts an absent or null member as "".
func optionalString(v any) (string, bool) {
	if v == nil {
		return "", true
	}
	s, ok := v.(string)
	return s, ok
}

// checkStructure is check 1: what the credential's shape requires.
func (c *Credential) checkStructure() error {
	switch {
	case !c.Type.IsConsumer() && c.Type != Producer:
		return invalidf("malformed: unknown type %q", c.Type)
	case len(c.RootPubkey) != ed25519.PublicKeySize:
		return invalidf("malformed: root_pubkey must be 32 bytes")
	case len(c.Signature) != ed25519.SignatureSize:
		return invalidf("malformed: signature must be 64 bytes")
	case c.ExpiresAt < 0:
		return invalidf("malformed: expires_at is negative")
	case c.Type == Producer && c.EndpointID == "":
		return invalidf("malformed: producer credential has no endpoint_id")
	case c.Type == OTT && len(c.Nonce) == 0:
		return invalidf("ott credential has no nonce")
	case c.Type == Policy && len(c.Nonce) != 0:
		return invalidf("policy credential must not carry a nonce")
	case c.Type == OTT && len(c.Nonce) != 32:
		return invalidf("nonce must be 32 bytes")
	}
	return nil
}

// checkPinned is check 2.
func (c *Credential) checkPinned(pinned ed25519.PublicKey) error {
	if pinned != nil && !pinned.Equal(c.RootPubkey) {
		return invalidf("root_pubkey %s... is not the pinned root %s...", short(c.RootPubkey), short(pinned))
	}
	return nil
}

// SignatureValid reports whether c.Signature is c.RootPubkey's Ed25519
// signature of c's signing bytes.
func (c *Credential) SignatureValid() bool {
	msg, err := c.SigningBytes()
	return err == nil && len(c.RootPubkey) == ed25519.PublicKeySize &&
		ed25519.Verify(c.RootPubkey, msg, c.Signature)
}

// checkExpiryAndBinding are checks 4 and 5.
func (c *Credential) checkExpiryAndBinding(now time.Time, endpointID string) error {
	if c.ExpiresAt <= now.Unix() {
		return invalidf("expired at %s", FormatTime(c.ExpiresAt))
	}
	if endpointID != "" && c.EndpointID != "" && c.EndpointID != endpointID {
		return invalidf("bound to endpoint %s..., not %s...", prefix16(c.EndpointID), prefix16(endpointID))
	}
	return nil
}

// Verify checks c in order — structure, pinned root, signature, expiry,
// endpoint binding — and returns the first failure as *InvalidError, or
// nil when the credential is valid.
func Verify(c *Credential, o VerifyOptions) error {
	if err := c.checkStructure(); err != nil {
		return err
	}
	if err := c.checkPinned(o.PinnedRoot); err != nil {
		return err
	}
	if !c.SignatureValid() {
		return invalidf("signature does not verify")
	}
	return c.checkExpiryAndBinding(o.Now, o.EndpointID)
}

// Summary describes a valid credential for its VALID line, verified
// against a root key the user trusts:
// "<type>, expires <iso>, endpoint <16 hex>...|any endpoint, root <16 hex>... (pinned)".
func (c *Credential) Summary() string {
	endpoint := "any endpoint"
	if c.EndpointID != "" {
		endpoint = "endpoint " + prefix16(c.EndpointID) + "..."
	}
	return fmt.Sprintf("%s, expires %s, %s, root %s... (pinned)", c.Type, FormatTime(c.ExpiresAt), endpoint, short(c.RootPubkey))
}

func short(key []byte) string { return prefix16(hex.EncodeToString(key)) }

func prefix16(s string) string {
	if len(s) > 16 {
		return s[:16]
	}
	return s
}
