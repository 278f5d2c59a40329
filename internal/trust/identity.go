package trust

import (
	"fmt"
)

// Identity is what verification needs from an .aster-identity file: the
// file's own EndpointId and its peers.
type Identity struct {
	// EndpointID is the node's EndpointId (derived from [node] secret_key,
	// else the stored [node] endpoint_id); "" when the file has neither.
	EndpointID string
	// Peers are the [[peers]] entries in file order.
	Peers []Peer
}

// Peer is one [[peers]] entry of an identity file, as stored.
type Peer struct {
	// Name and Role are the entry's name and role ("producer", "consumer").
	Name, Role string
	// Type is the stored credential type ("" when absent).
	Type string
	// RootPubkey, EndpointID, Nonce and Signature are as stored (hex).
	RootPubkey, EndpointID, Nonce, Signature string
	// ExpiresAt is the expiry in Unix seconds.
	ExpiresAt int64
	// Attributes are the stored attributes (the writer omits aster.role and
	// aster.name when they equal role and name).
	Attributes map[string]string
}

// Peer returns the first peer named name.
func (id *Identity) Peer(name string) (Peer, bool) {
	for _, p := range id.Peers {
		if p.Name == name {
			return p, true
		}
	}
	return Peer{}, false
}

// PeerNames lists the peers' names in file order.
func (id *Identity) PeerNames() []string {
	names := make([]string, len(id.Peers))
	for i, p := range id.Peers {
		names[i] = p.Name
	}
	return names
}

// Credential builds the credential p stands for, with the stored attributes
// verbatim: for role "producer" a producer credential (the stored type is
// ignored), otherwise a consumer credential of the stored type (default
// policy). A peer that cannot be a credential gives *InvalidError.
func (p Peer) Credential() (*Credential, error) {
	typ := Producer
	if p.Role != string(Producer) {
		typ = Policy
		if p.Type != "" {
			if typ = Type(p.Type); !typ.IsConsumer() {
				return nil, invalidf("malformed: unknown consumer type %q", p.Type)
			}
		}
	}
	attrs := make(map[string]any, len(p.Attributes))
	for k, v := range p.Attributes {
		attrs[k] = v
	}
	members := map[string]any{
		"root_pubkey": p.RootPubkey, "endpoint_id": p.EndpointID, "nonce": p.Nonce,
		"signature": p.Signature, "expires_at": p.ExpiresAt, "attributes": attrs,
	}
	return credentialFromMembers(func(k string) (any, bool) { v, ok := members[k]; return v, ok }, typ)
}

// VerifyPeer verifies peer p of id the way the runtimes see it. A producer
// peer's attributes get aster.role = role when absent (and, if that does
// not verify, also aster.name = name when absent), since the writer drops
// both when redundant. A consumer peer is checked with its attributes
// verbatim, as clients present them; if only a restored aster.role or
// aster.name verifies, the reason names the omitted attribute. Without
// o.EndpointID the credential must be bound to id.EndpointID (when known).
// It returns the credential checked, and nil or the first failure
// (*InvalidError).
func (id *Identity) VerifyPeer(p Peer, o VerifyOptions) (*Credential, error) {
	c, err := p.Credential()
	if err != nil {
		return nil, err
	}
	if err := c.checkStructure(); err != nil {
		return nil, err
	}
	if err := c.checkPinned(o.PinnedRoot); err != nil {
		return nil, err
	}
	if c.Type == Producer {
		c.Attributes, _ = restore(c.Attributes, "aster.role", p.Role)
		if !c.SignatureValid() {
			var added bool
			if c.Attributes, added = restore(c.Attributes, "aster.name", p.Name); !added || !c.SignatureValid() {
				return nil, invalidf("signature does not verify")
			}
		}
	} else if !c.SignatureValid() {
		return nil, omittedReason(c, p)
	}
	endpoint := o.EndpointID
	if endpoint == "" {
		endpoint = id.EndpointID
	}
	if err := c.checkExpiryAndBinding(o.Now, endpoint); err != nil {
		return nil, err
	}
	return c, nil
}

// restore returns attrs with key = value added when key is absent and value
// is not empty, and whether it added it.
func restore(attrs Attributes, key, value string) (Attributes, bool) {
	if _, present := attrs.Get(key); present || value == "" {
		return attrs, false
	}
	return attrs.With(key, value), true
}

// omittedReason explains a consumer peer whose verbatim attributes do not
// verify: either the signature covers aster.role/aster.name that the file
// omits, or it simply does not verify.
func omittedReason(c *Credential, p Peer) error {
	verbatim := c.Attributes
	defer func() { c.Attributes = verbatim }()
	withRole, roleAdded := restore(verbatim, "aster.role", p.Role)
	withName, nameAdded := restore(verbatim, "aster.name", p.Name)
	withBoth, _ := restore(withRole, "aster.name", p.Name)
	role := fmt.Sprintf("aster.role=%q", p.Role)
	name := fmt.Sprintf("aster.name=%q", p.Name)
	for _, try := range []struct {
		attrs   Attributes
		ok      bool
		covered string
	}{
		{withRole, roleAdded, role},
		{withName, nameAdded, name},
		{withBoth, roleAdded && nameAdded, role + " and " + name},
	} {
		if c.Attributes = try.attrs; try.ok && c.SignatureValid() {
			return invalidf("signature covers %s, which the file omits; runtimes present the file's attributes as written, so admission will fail", try.covered)
		}
	}
	return invalidf("signature does not verify")
}
