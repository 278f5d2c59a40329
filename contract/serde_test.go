package contract

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/asterkit/aster/internal/testenv"
	"lukechampine.com/blake3"
)

// This file decodes the reference's serde JSON (the *.dump.json vectors)
// into the model, and reads the upstream byte-level vectors.

// hexBytes is a byte string written as hex ("" for empty).
type hexBytes []byte

func (h *hexBytes) UnmarshalText(s []byte) error {
	b, err := hex.DecodeString(string(s))
	*h = b
	return err
}

type serdeField struct {
	ID                    int32         `json:"id"`
	Name                  string        `json:"name"`
	TypeKind              TypeKind      `json:"type_kind"`
	TypePrimitive         string        `json:"type_primitive"`
	TypeRef               hexBytes      `json:"type_ref"`
	SelfRefName           string        `json:"self_ref_name"`
	Optional              bool          `json:"optional"`
	RefTracked            bool          `json:"ref_tracked"`
	Container             ContainerKind `json:"container"`
	ContainerKeyKind      TypeKind      `json:"container_key_kind"`
	ContainerKeyPrimitive string        `json:"container_key_primitive"`
	ContainerKeyRef       hexBytes      `json:"container_key_ref"`
	Required              bool          `json:"required"`
	DefaultValue          hexBytes      `json:"default_value"`
}

type serdeEnumValue struct {
	Name  string `json:"name"`
	Value int32  `json:"value"`
}

type serdeVariant struct {
	Name    string   `json:"name"`
	ID      int32    `json:"id"`
	TypeRef hexBytes `json:"type_ref"`
}

type serdeTypeDef struct {
	Kind          TypeDefKind      `json:"kind"`
	Package       string           `json:"package"`
	Name          string           `json:"name"`
	Fields        []serdeField     `json:"fields"`
	EnumValues    []serdeEnumValue `json:"enum_values"`
	UnionVariants []serdeVariant   `json:"union_variants"`
}

func (s *serdeTypeDef) model() TypeDef {
	t := TypeDef{Kind: s.Kind, Package: s.Package, Name: s.Name}
	for _, f := range s.Fields {
		t.Fields = append(t.Fields, FieldDef{
			ID: f.ID, Name: f.Name, TypeKind: f.TypeKind, TypePrimitive: f.TypePrimitive,
			TypeRef: f.TypeRef, SelfRefName: f.SelfRefName, Optional: f.Optional,
			RefTracked: f.RefTracked, Container: f.Container, ContainerKeyKind: f.ContainerKeyKind,
			ContainerKeyPrimitive: f.ContainerKeyPrimitive, ContainerKeyRef: f.ContainerKeyRef,
			Required: f.Required, DefaultValue: f.DefaultValue,
		})
	}
	for _, v := range s.EnumValues {
		t.EnumValues = append(t.EnumValues, EnumValueDef(v))
	}
	for _, v := range s.UnionVariants {
		t.UnionVariants = append(t.UnionVariants, UnionVariantDef{Name: v.Name, ID: v.ID, TypeRef: v.TypeRef})
	}
	return t
}

type serdeCapability struct {
	Kind  CapabilityKind `json:"kind"`
	Roles []string       `json:"roles"`
}

func (c *serdeCapability) model() *CapabilityRequirement {
	if c == nil {
		return nil
	}
	return &CapabilityRequirement{Kind: c.Kind, Roles: c.Roles}
}

type serdeMethod struct {
	Name           string           `json:"name"`
	Pattern        MethodPattern    `json:"pattern"`
	RequestType    hexBytes         `json:"request_type"`
	ResponseType   hexBytes         `json:"response_type"`
	Idempotent     bool             `json:"idempotent"`
	DefaultTimeout float64          `json:"default_timeout"`
	Requires       *serdeCapability `json:"requires"`
}

type serdeContract struct {
	Name               string           `json:"name"`
	Version            int32            `json:"version"`
	Methods            []serdeMethod    `json:"methods"`
	SerializationModes []string         `json:"serialization_modes"`
	Scoped             ScopeKind        `json:"scoped"`
	Requires           *serdeCapability `json:"requires"`
	ProducerLanguage   string           `json:"producer_language"`
}

func (s *serdeContract) model() ServiceContract {
	c := ServiceContract{
		Name: s.Name, Version: s.Version, SerializationModes: s.SerializationModes,
		Scoped: s.Scoped, Requires: s.Requires.model(), ProducerLanguage: s.ProducerLanguage,
	}
	for _, m := range s.Methods {
		c.Methods = append(c.Methods, MethodDef{
			Name: m.Name, Pattern: m.Pattern, RequestType: m.RequestType, ResponseType: m.ResponseType,
			Idempotent: m.Idempotent, DefaultTimeout: m.DefaultTimeout, Requires: m.Requires.model(),
		})
	}
	return c
}

// dump is one service of a *.dump.json file.
type dump struct {
	Spec                string        `json:"spec"`
	Service             string        `json:"service"`
	Version             int32         `json:"version"`
	ContractID          string        `json:"contract_id"`
	ServiceContractJSON serdeContract `json:"service_contract_json"`
	CanonicalHex        string        `json:"service_contract_canonical_hex"`
	Types               []struct {
		FQN          string       `json:"fqn"`
		TypeDefJSON  serdeTypeDef `json:"typedef_json"`
		CanonicalHex string       `json:"canonical_hex"`
		TypeHash     string       `json:"type_hash"`
	} `json:"types_in_hash_order"`
}

// readJSON decodes a vector file strictly: an unknown key fails the test.
func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// readDumps returns the services of a dump file (one object or an array).
func readDumps(t *testing.T, path string) []dump {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")) {
		var ds []dump
		readJSON(t, path, &ds)
		return ds
	}
	var d dump
	readJSON(t, path, &d)
	return []dump{d}
}

// upstreamVector is one entry of upstream/canonical_test_vectors.json.
type upstreamVector struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	BytesHex    string `json:"bytes_hex"`
	HashHex     string `json:"hash_hex"`
}

// upstreamVectors reads every entry of the upstream byte-level fixture.
func upstreamVectors(t *testing.T) []upstreamVector {
	t.Helper()
	var file struct {
		Meta    map[string]string `json:"meta"`
		Vectors []upstreamVector  `json:"vectors"`
	}
	readJSON(t, filepath.Join(testenv.Vectors(t), "upstream", "canonical_test_vectors.json"), &file)
	if len(file.Vectors) == 0 {
		t.Fatal("no upstream vectors")
	}
	return file.Vectors
}

// upstreamByID returns the upstream entry with the given id.
func upstreamByID(t *testing.T, id string) upstreamVector {
	t.Helper()
	for _, v := range upstreamVectors(t) {
		if v.ID == id {
			return v
		}
	}
	t.Fatalf("upstream vector %s not found", id)
	return upstreamVector{}
}

// checkBytes compares encoded bytes and their BLAKE3 hash with hex values
// from a vector file.
func checkBytes(t *testing.T, what string, got []byte, err error, wantHex, wantHash string) {
	t.Helper()
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	if h := hex.EncodeToString(got); h != wantHex {
		t.Errorf("%s bytes:\n got %s\nwant %s", what, h, wantHex)
	}
	if h := Hash(blake3.Sum256(got)).String(); h != wantHash {
		t.Errorf("%s hash: got %s, want %s", what, h, wantHash)
	}
}
