package trust

import (
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"os"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// Identity is what verification needs from an .aster-identity file: the
// file's own EndpointId and its peers.
type Identity struct {
	// EndpointID is derived from [node] secret_key, else taken from [node]
	// endpoint_id; "" when the file has neither.
	EndpointID string
	// Peers are the [[peers]] entries in file order.
	Peers []Peer
}

// Peer is one [[peers]] entry of an identity file.
type Peer struct {
	// Name and Role are the entry's name and role ("producer", "consumer").
	Name, Role string

	members map[string]any
}

// ReadIdentity reads and parses the identity file at path.
func ReadIdentity(path string) (*Identity, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, cause(err)
	}
	return ParseIdentity(data)
}

// ParseIdentity parses the text of an identity file (TOML).
func ParseIdentity(data []byte) (*Identity, error) {
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("invalid TOML: %v", err)
	}
	id := &Identity{}
	node, _ := doc["node"].(map[string]any)
	if sk, ok := node["secret_key"]; ok {
		s, _ := sk.(string)
		seed, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(seed) != SeedSize {
			return nil, fmt.Errorf("[node] secret_key is not a base64-encoded 32-byte key")
		}
		id.EndpointID = EndpointID(ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey))
	} else if eid, ok := node["endpoint_id"].(string); ok {
		id.EndpointID = strings.ToLower(eid)
	}
	raw, ok := doc["peers"]
	if !ok {
		return id, nil
	}
	list, ok := raw.([]any)
	if !ok {
		return nil, fmt.Errorf("peers is not an array of tables")
	}
	for _, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("peers is not an array of tables")
		}
		name, _ := m["name"].(string)
		role, _ := m["role"].(string)
		id.Peers = append(id.Peers, Peer{Name: name, Role: role, members: m})
	}
	return id, nil
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

// VerifyPeer verifies peer p of id the way the runtimes see it. A producer
// peer becomes a producer credential whose attributes get aster.role = role
// when absent (and, if that does not verify, also aster.name = name when
// absent, since the writer drops both when redundant). Any other peer
// becomes the consumer credential the clients present: type (default
// policy), endpoint_id, nonce and the attributes verbatim; if those do not
// verify but the restored aster.role/aster.name do, the reason names the
// omitted attribute. Without o.EndpointID the credential must be bound to
// id.EndpointID (when known). It returns the credential checked and nil,
// or the first failure (*InvalidError).
func (id *Identity) VerifyPeer(p Peer, o VerifyOptions) (*Credential, error) {
	typ := Producer
	if p.Role != string(Producer) {
		typ = Policy
		if raw, ok := p.members["type"]; ok {
			s, _ := raw.(string)
			if typ = Type(s); !typ.IsConsumer() {
				return nil, invalidf("malformed: unknown consumer type %s", jsonText(raw))
			}
		}
	}
	c, err := credentialFromMembers(func(k string) (any, bool) { v, ok := p.members[k]; return v, ok }, typ)
	if err != nil {
		return nil, err
	}
	if err := c.checkStructure(); err != nil {
		return nil, err
	}
	if err := c.checkPinned(o.PinnedRoot); err != nil {
		return nil, err
	}
	restore := func(attrs Attributes, key, value string) (Attributes, bool) {
		if _, present := attrs.Get(key); present || value == "" {
			return attrs, false
		}
		return attrs.With(key, value), true
	}
	if typ == Producer {
		c.Attributes, _ = restore(c.Attributes, "aster.role", p.Role)
		if !c.SignatureValid() {
			var added bool
			if c.Attributes, added = restore(c.Attributes, "aster.name", p.Name); !added || !c.SignatureValid() {
				return nil, invalidf("signature does not verify")
			}
		}
	} else if !c.SignatureValid() {
		return nil, omittedReason(c, p, restore)
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

// omittedReason explains a consumer peer whose verbatim attributes do not
// verify: either the signature covers aster.role/aster.name that the file
// omits, or it simply does not verify.
func omittedReason(c *Credential, p Peer, restore func(Attributes, string, string) (Attributes, bool)) error {
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
