package golang

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lukechampine.com/blake3"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/internal/testenv"
)

// vectorCase pairs a Go fixture service with the reference's dump of its
// Python twin.
type vectorCase struct {
	pkg   string // package under testdata/vectors
	iface string // the service interface
	dump  string // dump file in the vectors folder
	entry int    // index in an array dump, -1 for an object
}

var vectorCases = []vectorCase{
	{"v01", "EchoService", "01_unary_basic/manifest.dump.json", -1},
	{"v02", "Telemetry", "02_streaming_patterns/manifest.dump.json", -1},
	{"v03", "InventoryService", "03_nested_containers/manifest.dump.json", -1},
	{"v04", "TypeProbeService", "04_type_mapping/manifest.dump.json", -1},
	{"v05v1", "Notes", "05_versions/manifest_v1.dump.json", -1},
	{"v05v2", "Notes", "05_versions/manifest_v2.dump.json", -1},
	{"v05bumped", "Notes", "05_versions/manifest_v1_bumped.dump.json", -1},
	{"v05multi", "NotesV1", "05_versions/manifest_multi.dump.json", 0},
	{"v05multi", "NotesV2", "05_versions/manifest_multi.dump.json", 1},
	{"v06renamed", "Notes", "06_renamed_field/manifest_renamed.dump.json", -1},
	{"v06reordered", "Notes", "06_renamed_field/manifest_reordered.dump.json", -1},
	{"v07caps", "OpsService", "07_capabilities/manifest_caps.dump.json", -1},
	{"v07nocaps", "OpsService", "07_capabilities/manifest_nocaps.dump.json", -1},
	{"v08session", "CartSession", "08_session_scope/manifest_session.dump.json", -1},
	{"v08shared", "CartShared", "08_session_scope/manifest_shared.dump.json", -1},
	{"v09", "GraphService", "09_cycles/manifest.dump.json", -1},
}

// dumpEntry is the part of a *.dump.json entry the tests compare.
type dumpEntry struct {
	Service    string `json:"service"`
	Version    int32  `json:"version"`
	ContractID string `json:"contract_id"`
	Contract   struct {
		Name    string `json:"name"`
		Version int32  `json:"version"`
		Methods []struct {
			Name           string  `json:"name"`
			Pattern        string  `json:"pattern"`
			RequestType    string  `json:"request_type"`
			ResponseType   string  `json:"response_type"`
			Idempotent     bool    `json:"idempotent"`
			DefaultTimeout float64 `json:"default_timeout"`
		} `json:"methods"`
		SerializationModes []string `json:"serialization_modes"`
		Scoped             string   `json:"scoped"`
		ProducerLanguage   string   `json:"producer_language"`
	} `json:"service_contract_json"`
	Types []struct {
		FQN     string `json:"fqn"`
		TypeDef struct {
			Kind    string      `json:"kind"`
			Package string      `json:"package"`
			Name    string      `json:"name"`
			Fields  []dumpField `json:"fields"`
		} `json:"typedef_json"`
		TypeHash string `json:"type_hash"`
	} `json:"types_in_hash_order"`
}

type dumpField struct {
	Name                  string `json:"name"`
	TypeKind              string `json:"type_kind"`
	TypePrimitive         string `json:"type_primitive"`
	TypeRef               string `json:"type_ref"`
	SelfRefName           string `json:"self_ref_name"`
	Optional              bool   `json:"optional"`
	Container             string `json:"container"`
	ContainerKeyKind      string `json:"container_key_kind"`
	ContainerKeyPrimitive string `json:"container_key_primitive"`
	ContainerKeyRef       string `json:"container_key_ref"`
	Required              bool   `json:"required"`
}

func readDump(t *testing.T, path string, entry int) dumpEntry {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if entry < 0 {
		var d dumpEntry
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	var ds []dumpEntry
	if err := json.Unmarshal(data, &ds); err != nil {
		t.Fatal(err)
	}
	return ds[entry]
}

// fixtureModel loads one fixture package.
func fixtureModel(t *testing.T, pkg string) *Package {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "vectors"))
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := Load(dir, []string{"./" + pkg})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Build(dir, pkgs)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Packages) != 1 {
		t.Fatalf("%s: %d service packages, want 1", pkg, len(m.Packages))
	}
	return m.Packages[0]
}

func findService(t *testing.T, p *Package, iface string) *analyzer.Result {
	t.Helper()
	for _, s := range p.Services {
		if s.Interface == iface {
			return s.Result
		}
	}
	t.Fatalf("no service interface %s in %s", iface, p.Path)
	return nil
}

var containerNames = map[contract.ContainerKind]string{contract.NoContainer: "none", contract.List: "list", contract.Set: "set", contract.Map: "map"}
var patternDump = map[contract.MethodPattern]string{contract.Unary: "unary", contract.ServerStream: "server_stream", contract.ClientStream: "client_stream", contract.BidiStream: "bidi_stream"}

// TestVectorModels compares each fixture's model with the TypeDefs and
// ServiceContract the reference dumped for the Python twin: the same
// nodes, fields, kinds and method values, with REF/SELF_REF targets
// resolved through the dump's hashes.
func TestVectorModels(t *testing.T) {
	vectors := testenv.Vectors(t)
	for _, c := range vectorCases {
		t.Run(c.pkg+"/"+c.iface, func(t *testing.T) {
			res := findService(t, fixtureModel(t, c.pkg), c.iface)
			d := readDump(t, filepath.Join(vectors, c.dump), c.entry)
			compareWithDump(t, res, d)
		})
	}
}

func compareWithDump(t *testing.T, res *analyzer.Result, d dumpEntry) {
	t.Helper()
	svc := res.Service
	hashes := map[string]string{}
	var wantFQNs []string
	for _, ty := range d.Types {
		hashes[ty.FQN] = ty.TypeHash
		wantFQNs = append(wantFQNs, ty.FQN)
	}
	var gotFQNs []string
	for _, n := range svc.Types {
		gotFQNs = append(gotFQNs, n.FQN())
	}
	slices.Sort(wantFQNs)
	slices.Sort(gotFQNs)
	if !slices.Equal(gotFQNs, wantFQNs) {
		t.Fatalf("types %v, want %v", gotFQNs, wantFQNs)
	}
	nodes := map[string]*contract.Node{}
	for _, n := range svc.Types {
		nodes[n.FQN()] = n
	}
	elem := func(e contract.Element, kind, prim, ref, self string) bool {
		switch e.Kind {
		case contract.Primitive:
			return kind == "primitive" && prim == e.Primitive
		case contract.Any:
			return kind == "any"
		case contract.Ref:
			return (kind == "ref" && ref == hashes[e.Target]) || (kind == "self_ref" && self == e.Target)
		}
		return false
	}
	for _, ty := range d.Types {
		n := nodes[ty.FQN]
		td := ty.TypeDef
		if n.Package != td.Package || n.Name != td.Name || td.Kind != "message" || n.Kind != contract.Message {
			t.Errorf("%s: node %q.%q kind %d, want %q.%q %s", ty.FQN, n.Package, n.Name, n.Kind, td.Package, td.Name, td.Kind)
		}
		if len(n.Fields) != len(td.Fields) {
			t.Errorf("%s: %d fields, want %d", ty.FQN, len(n.Fields), len(td.Fields))
			continue
		}
		got := map[string]contract.NodeField{}
		for _, f := range n.Fields {
			got[f.Name] = f
		}
		for _, want := range td.Fields {
			f, ok := got[want.Name]
			if !ok {
				t.Errorf("%s: no field %q", ty.FQN, want.Name)
				continue
			}
			if !elem(f.Type, want.TypeKind, want.TypePrimitive, want.TypeRef, want.SelfRefName) ||
				f.Optional != want.Optional || containerNames[f.Container] != want.Container || f.Required != want.Required {
				t.Errorf("%s.%s: got %+v, want %+v", ty.FQN, want.Name, f, want)
			}
			if f.Container == contract.Map {
				if !elem(f.Key, want.ContainerKeyKind, want.ContainerKeyPrimitive, want.ContainerKeyRef, "") {
					t.Errorf("%s.%s: key %+v, want %+v", ty.FQN, want.Name, f.Key, want)
				}
			} else if f.Key != (contract.Element{}) || want.ContainerKeyKind != "primitive" || want.ContainerKeyPrimitive != "" {
				t.Errorf("%s.%s: unexpected key %+v / %+v", ty.FQN, want.Name, f.Key, want)
			}
		}
	}
	sc := d.Contract
	if svc.Name != sc.Name || svc.Version != sc.Version || !slices.Equal(svc.SerializationModes, sc.SerializationModes) ||
		[]string{"shared", "session"}[svc.Scoped] != sc.Scoped || svc.ProducerLanguage != sc.ProducerLanguage || svc.Requires != nil {
		t.Errorf("service %s v%d %v scoped %d %q, want %+v", svc.Name, svc.Version, svc.SerializationModes, svc.Scoped, svc.ProducerLanguage, sc)
	}
	if res.Scoped != sc.Scoped {
		t.Errorf("manifest scoped %q, want %q", res.Scoped, sc.Scoped)
	}
	typeHash := func(mt contract.MethodType) string {
		if mt.FQN != "" {
			return hashes[mt.FQN]
		}
		h := blake3.Sum256([]byte(mt.Primitive))
		return hex.EncodeToString(h[:])
	}
	if len(svc.Methods) != len(sc.Methods) {
		t.Fatalf("%d methods, want %d", len(svc.Methods), len(sc.Methods))
	}
	for _, want := range sc.Methods {
		i := slices.IndexFunc(svc.Methods, func(m contract.Method) bool { return m.Name == want.Name })
		if i < 0 {
			t.Errorf("no method %q", want.Name)
			continue
		}
		m := svc.Methods[i]
		if patternDump[m.Pattern] != want.Pattern || typeHash(m.Request) != want.RequestType || typeHash(m.Response) != want.ResponseType ||
			m.Idempotent != want.Idempotent || m.DefaultTimeout != want.DefaultTimeout || m.Requires != nil {
			t.Errorf("method %+v, want %+v", m, want)
		}
	}
}

// contractIDs reads CONTRACT_IDS.txt: manifest path, service and version →
// contract id.
func contractIDs(t *testing.T, vectors string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(vectors, "CONTRACT_IDS.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 4 {
			ids[f[0]+" "+f[1]+" "+f[2]] = f[3]
		}
	}
	return ids
}

// TestVectorContractIDs compiles each fixture service and checks its
// contract id against CONTRACT_IDS.txt and every type hash against the
// reference's dump.
func TestVectorContractIDs(t *testing.T) {
	vectors := testenv.Vectors(t)
	ids := contractIDs(t, vectors)
	for _, c := range vectorCases {
		t.Run(c.pkg+"/"+c.iface, func(t *testing.T) {
			res := findService(t, fixtureModel(t, c.pkg), c.iface)
			compiled, err := contract.Compile(res.Service)
			if err != nil {
				t.Fatal(err)
			}
			d := readDump(t, filepath.Join(vectors, c.dump), c.entry)
			key := fmt.Sprintf("%s %s v%d", strings.Replace(c.dump, ".dump.json", ".json", 1), d.Service, d.Version)
			want, ok := ids[key]
			if !ok {
				t.Fatalf("CONTRACT_IDS.txt has no line for %q", key)
			}
			if got := compiled.ID.String(); got != want {
				t.Errorf("contract id %s, want %s", got, want)
			}
			hashes := map[string]string{}
			for _, ht := range compiled.Types {
				hashes[ht.FQN] = ht.Hash.String()
			}
			for _, ty := range d.Types {
				if hashes[ty.FQN] != ty.TypeHash {
					t.Errorf("type %s hash %s, want %s", ty.FQN, hashes[ty.FQN], ty.TypeHash)
				}
			}
			if len(hashes) != len(d.Types) {
				t.Errorf("%d types, want %d", len(hashes), len(d.Types))
			}
		})
	}
}
