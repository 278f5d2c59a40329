package cli

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/internal/testenv"
	"github.com/asterkit/aster/internal/trust"
)

func readVectorIdentity(t *testing.T, name string) *trust.Identity {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testenv.Vectors(t), "21_enroll_identity", name))
	if err != nil {
		t.Fatal(err)
	}
	id, err := readIdentity(data)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestIdentityPayloads checks, for each attribute view that
// step2_payloads.json records, the signed bytes of the peer read from the
// identity file and whether its signature covers them.
func TestIdentityPayloads(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "21_enroll_identity")
	data, err := os.ReadFile(filepath.Join(dir, "step2_payloads.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pyjson.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	vec := doc.(pyjson.Object)
	id := readVectorIdentity(t, "step2_plus_consumer.aster-identity")
	if eid, _ := vec.Get("node_endpoint_id"); id.EndpointID != eid {
		t.Errorf("EndpointID %s, want %s", id.EndpointID, eid)
	}
	peers, _ := vec.Get("peers")
	checked := 0
	for _, pv := range peers.([]any) {
		pv := pv.(pyjson.Object)
		name, _ := pv.Get("name")
		p, ok := id.Peer(name.(string))
		if !ok {
			t.Fatalf("no peer %v", name)
		}
		for _, view := range pv {
			vo, ok := view.Value.(pyjson.Object)
			if !ok {
				continue
			}
			c, err := p.Credential()
			if err != nil {
				t.Fatal(err)
			}
			attrs, _ := vo.Get("attributes")
			c.Attributes = nil
			for _, m := range attrs.(pyjson.Object) {
				c.Attributes = append(c.Attributes, trust.Attribute{Key: m.Key, Value: m.Value.(string)})
			}
			msg, err := c.SigningBytes()
			if err != nil {
				t.Fatal(err)
			}
			if got, want := hex.EncodeToString(msg), mustString(vo, "signed_payload_hex"); got != want {
				t.Errorf("%s %s: signed bytes\n got %s\nwant %s", p.Name, view.Key, got, want)
			}
			valid, _ := vo.Get("signature_valid")
			if c.SignatureValid() != valid.(bool) {
				t.Errorf("%s %s: signature valid = %v, want %v", p.Name, view.Key, !valid.(bool), valid)
			}
			checked++
		}
	}
	if checked != 6 {
		t.Errorf("checked %d views, want 6", checked)
	}
}

func mustString(o pyjson.Object, key string) string {
	v, _ := o.Get(key)
	s, _ := v.(string)
	return s
}

// TestIdentityVectorsVerify verifies every peer of the vector identity
// files at the reference's clock, bound to the file's own node.
func TestIdentityVectorsVerify(t *testing.T) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	files, _ := filepath.Glob(filepath.Join(testenv.Vectors(t), "21_enroll_identity", "*.aster-identity"))
	if len(files) != 3 {
		t.Fatalf("identity vectors: %v", files)
	}
	for _, f := range files {
		id := readVectorIdentity(t, filepath.Base(f))
		if id.EndpointID == "" || len(id.Peers) == 0 {
			t.Fatalf("%s: %+v", f, id)
		}
		for _, p := range id.Peers {
			c, err := id.VerifyPeer(p, trust.VerifyOptions{Now: clock})
			if err != nil {
				t.Errorf("%s#%s: %v", filepath.Base(f), p.Name, err)
			} else if c.EndpointID != id.EndpointID {
				t.Errorf("%s#%s bound to %s", filepath.Base(f), p.Name, c.EndpointID)
			}
		}
	}
}
