package trust

import (
	"crypto/ed25519"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/asterkit/aster/internal/pyjson"
)

// Type is the kind of an enrollment credential.
type Type string

// The credential types. Producer credentials bind a service node; policy and
// ott ("one-time token") credentials are consumer credentials.
const (
	Producer Type = "producer"
	Policy   Type = "policy"
	OTT      Type = "ott"
)

// IsConsumer reports whether t is a consumer type (policy or ott).
func (t Type) IsConsumer() bool { return t == Policy || t == OTT }

// Attribute is one key/value pair of a credential's attributes.
type Attribute struct {
	Key   string
	Value string
}

// Attributes are a credential's attributes in insertion order, the order
// the credential file keeps; the signed bytes sort them.
type Attributes []Attribute

// Get returns the value of key and whether it is present.
func (a Attributes) Get(key string) (string, bool) {
	for _, at := range a {
		if at.Key == key {
			return at.Value, true
		}
	}
	return "", false
}

// Set gives key the value: an existing key keeps its position and takes the
// new value, a new key is appended.
func (a *Attributes) Set(key, value string) {
	for i := range *a {
		if (*a)[i].Key == key {
			(*a)[i].Value = value
			return
		}
	}
	*a = append(*a, Attribute{Key: key, Value: value})
}

// With returns a copy of a with key set to value (see Set).
func (a Attributes) With(key, value string) Attributes {
	c := append(Attributes(nil), a...)
	c.Set(key, value)
	return c
}

func (a Attributes) object() pyjson.Object {
	obj := make(pyjson.Object, len(a))
	for i, at := range a {
		obj[i] = pyjson.Member{Key: at.Key, Value: at.Value}
	}
	return obj
}

// CanonicalJSON is the canonical JSON of the attributes that signatures
// cover: keys sorted by code point, no white space, only '"', '\' and
// U+0000–U+001F escaped, everything else raw UTF-8. Invalid UTF-8 (lone
// surrogates included) cannot be signed and is an error.
func (a Attributes) CanonicalJSON() ([]byte, error) {
	for _, at := range a {
		if !utf8.ValidString(at.Key) {
			return nil, fmt.Errorf("attribute key %s is not valid UTF-8", pyjson.StrRepr(at.Key))
		}
		if !utf8.ValidString(at.Value) {
			return nil, fmt.Errorf("attribute %s has a value that is not valid UTF-8", pyjson.StrRepr(at.Key))
		}
	}
	return pyjson.Marshal(a.object(), pyjson.Options{Indent: -1, ItemSep: ",", KeySep: ":", SortKeys: true})
}

// Credential is an enrollment credential, producer or consumer.
type Credential struct {
	// Type selects the shape: Producer, or the consumer types Policy and OTT.
	Type Type
	// EndpointID is the endpoint the credential is bound to, as the hex
	// string it is stored (and signed) as; "" for an unbound consumer
	// credential. Producer credentials always have one.
	EndpointID string
	// RootPubkey is the root public key that signed the credential.
	RootPubkey ed25519.PublicKey
	// ExpiresAt is the expiry in Unix seconds.
	ExpiresAt int64
	// Attributes are the signed attributes in insertion order.
	Attributes Attributes
	// Nonce is the 32-byte nonce of an ott credential; nil otherwise.
	Nonce []byte
	// Signature is the 64-byte Ed25519 signature over SigningBytes.
	Signature []byte
}

// SigningBytes returns the exact bytes the root key signs. Producer:
// endpoint_id string ‖ root_pubkey ‖ expires_at (u64 big-endian) ‖
// canonical attributes. Consumer: type code (00 policy, 01 ott) ‖
// has_endpoint_id ‖ endpoint_id string ‖ root_pubkey ‖ expires_at ‖
// canonical attributes ‖ has_nonce ‖ nonce. Nothing is length-prefixed.
func (c *Credential) SigningBytes() ([]byte, error) {
	attrs, err := c.Attributes.CanonicalJSON()
	if err != nil {
		return nil, err
	}
	if c.ExpiresAt < 0 {
		return nil, fmt.Errorf("expires_at %d is negative", c.ExpiresAt)
	}
	var b []byte
	switch c.Type {
	case Producer:
		b = append(b, c.EndpointID...)
		b = append(b, c.RootPubkey...)
		b = binary.BigEndian.AppendUint64(b, uint64(c.ExpiresAt))
		b = append(b, attrs...)
	case Policy, OTT:
		code := byte(0)
		if c.Type == OTT {
			code = 1
		}
		b = append(b, code)
		b = appendOptional(b, []byte(c.EndpointID))
		b = append(b, c.RootPubkey...)
		b = binary.BigEndian.AppendUint64(b, uint64(c.ExpiresAt))
		b = append(b, attrs...)
		b = appendOptional(b, c.Nonce)
	default:
		return nil, fmt.Errorf("unknown credential type %q", c.Type)
	}
	return b, nil
}

// appendOptional appends a presence byte and, when present, the bytes.
func appendOptional(b, v []byte) []byte {
	if len(v) == 0 {
		return append(b, 0)
	}
	return append(append(b, 1), v...)
}

// NewNonce returns a random 32-byte ott nonce from r (crypto/rand.Reader in
// production).
func NewNonce(r io.Reader) ([]byte, error) {
	n := make([]byte, 32)
	if _, err := io.ReadFull(r, n); err != nil {
		return nil, err
	}
	return n, nil
}

// Sign sets c.RootPubkey to the public key of root and c.Signature to the
// Ed25519 signature of c's signing bytes.
func (c *Credential) Sign(root ed25519.PrivateKey) error {
	c.RootPubkey = root.Public().(ed25519.PublicKey)
	msg, err := c.SigningBytes()
	if err != nil {
		return err
	}
	c.Signature = ed25519.Sign(root, msg)
	return nil
}

// MarshalFile returns the credential file bytes: a two-space indented JSON
// object with ASCII escaping and a final newline. Producer members: type,
// endpoint_id, root_pubkey, expires_at, attributes, signature; consumer
// members: type, root_pubkey, expires_at, attributes, endpoint_id (or
// null), nonce (or null), signature.
func (c *Credential) MarshalFile() []byte {
	var obj pyjson.Object
	add := func(k string, v any) { obj = append(obj, pyjson.Member{Key: k, Value: v}) }
	add("type", string(c.Type))
	if c.Type == Producer {
		add("endpoint_id", c.EndpointID)
	}
	add("root_pubkey", hex.EncodeToString(c.RootPubkey))
	add("expires_at", c.ExpiresAt)
	add("attributes", c.Attributes.object())
	if c.Type != Producer {
		add("endpoint_id", nullIfEmpty(c.EndpointID))
		add("nonce", nullIfEmpty(hex.EncodeToString(c.Nonce)))
	}
	add("signature", hex.EncodeToString(c.Signature))
	return encodeJSONFile(obj)
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
