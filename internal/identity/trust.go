package identity

import (
	"strings"

	"github.com/asterkit/aster/internal/trust"
)

// Trust is the file as credential verification sees it: the node's
// EndpointId (derived from the secret key, else the stored endpoint_id,
// lower-cased)
// and the peers as stored.
func (f *File) Trust() *trust.Identity {
	id := &trust.Identity{EndpointID: strings.ToLower(f.EndpointID)}
	if f.Seed != nil {
		id.EndpointID = EndpointID(f.Seed)
	}
	for _, p := range f.Peers {
		id.Peers = append(id.Peers, trust.Peer{
			Name: p.Name, Role: p.Role, Type: p.Type, RootPubkey: p.RootPubkey,
			EndpointID: p.EndpointID, Nonce: p.Nonce, Signature: p.Signature,
			ExpiresAt: p.ExpiresAt, Attributes: p.Attributes,
		})
	}
	return id
}
