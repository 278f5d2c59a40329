package contract

import (
	"bytes"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/asterkit/aster/internal/testenv"
	"lukechampine.com/blake3"
)

func fill(b byte) []byte { return bytes.Repeat([]byte{b}, 32) }

// stringField is a required, non-optional PRIMITIVE string field.
func stringField(name string) FieldDef {
	return FieldDef{Name: name, TypeKind: Primitive, TypePrimitive: "string", Required: true}
}

// selfRefField is a required field that is SELF_REF to target.
func selfRefField(name, target string, optional bool) FieldDef {
	return FieldDef{Name: name, TypeKind: SelfRef, SelfRefName: target, Optional: optional, Required: true}
}

func message(pkg, name string, fields ...FieldDef) *TypeDef {
	return &TypeDef{Kind: Message, Package: pkg, Name: name, Fields: fields}
}

// bookTypeDef is the Book of upstream B.2: Author is reached by a back edge.
var bookTypeDef = message("example", "Book",
	selfRefField("written_by", "example.Author", false), stringField("title"))

// upstreamEncode builds the model an upstream entry describes (from its id
// and description) and encodes it. legacy marks entries of the older
// ServiceContract layout without the trailing producer_language.
func upstreamEncode(t *testing.T, id string) (b []byte, err error, legacy bool) {
	t.Helper()
	family, arg, _ := strings.Cut(strings.TrimPrefix(id, "micro."), ".")
	e := encoder{}
	switch family {
	case "A":
		switch arg {
		case "2":
			b, err = AppendServiceContract(nil, &ServiceContract{Name: "EmptyService", Version: 1, SerializationModes: []string{"xlang"}})
		case "3":
			b, err = AppendTypeDef(nil, &TypeDef{Kind: Enum, Package: "test", Name: "Color",
				EnumValues: []EnumValueDef{{"BLUE", 2}, {"RED", 0}, {"GREEN", 1}}})
		case "4":
			b, err = AppendTypeDef(nil, message("test", "Wrapper",
				FieldDef{Name: "inner", TypeKind: Ref, TypeRef: fill(0xaa), Required: true}))
		case "5", "6":
			m := MethodDef{Name: "do_work", Pattern: Unary, RequestType: fill(0x11), ResponseType: fill(0x22)}
			if arg == "5" {
				m.Idempotent, m.DefaultTimeout = true, 30
				m.Requires = &CapabilityRequirement{Kind: AnyOf, Roles: []string{"Operator", "Admin"}}
			}
			b, err = AppendMethod(nil, &m)
		default:
			t.Fatalf("no model for upstream vector %s", id)
		}
		return b, err, false
	case "B":
		switch arg {
		case "1":
			b, err = AppendTypeDef(nil, message("example", "TreeNode", stringField("value"),
				selfRefField("right", "example.TreeNode", true), selfRefField("left", "example.TreeNode", true)))
		case "2":
			b, err = AppendTypeDef(nil, bookTypeDef)
		case "2-author":
			book, berr := AppendTypeDef(nil, bookTypeDef)
			if berr != nil {
				t.Fatal(berr)
			}
			h := blake3.Sum256(book)
			b, err = AppendTypeDef(nil, message("example", "Author", stringField("name"),
				FieldDef{Name: "books", TypeKind: Ref, TypeRef: h[:], Container: List, Required: true}))
		case "3":
			b, err = AppendTypeDef(nil, message("example", "Gamma", selfRefField("next", "example.Alpha", false)))
		case "4":
			b, err = AppendTypeDef(nil, message("example", "C", selfRefField("a_field", "example.A", false)))
		default:
			t.Fatalf("no model for upstream vector %s", id)
		}
		return b, err, false
	case "varint":
		n, perr := strconv.ParseUint(arg, 10, 64)
		if perr != nil {
			t.Fatal(perr)
		}
		e.uvarint(n)
	case "zigzag_i32", "zigzag_i64":
		bits := 32
		if family == "zigzag_i64" {
			bits = 64
		}
		n, perr := strconv.ParseInt(arg, 10, bits)
		if perr != nil {
			t.Fatal(perr)
		}
		e.signed(n)
	case "string":
		s, quoted := strings.CutPrefix(arg, "'")
		s, closed := strings.CutSuffix(s, "'")
		if !quoted || !closed {
			t.Fatalf("unquoted string in %s", id)
		}
		e.str(s)
	case "bytes_field":
		n, perr := strconv.Atoi(strings.TrimPrefix(arg, "len"))
		if perr != nil {
			t.Fatal(perr)
		}
		e.bytes(bytes.Repeat([]byte{0xab}, n))
	case "list_header":
		n, perr := strconv.Atoi(arg)
		if perr != nil {
			t.Fatal(perr)
		}
		e.listHeader(n)
	case "optional":
		e.present(arg == "present_prefix")
	case "scope":
		scope := map[string]ScopeKind{"shared": Shared, "session": Session}[arg]
		b, err = AppendServiceContract(nil, &ServiceContract{Name: "ScopeTest", Version: 1, SerializationModes: []string{"xlang"}, Scoped: scope})
		return b, err, true
	case "nfc":
		name := map[string]string{"nfc_name": "caf\u00e9", "nfd_name": "cafe\u0301"}[arg]
		b, err = AppendServiceContract(nil, &ServiceContract{Name: name, Version: 1, SerializationModes: []string{"xlang"}})
		return b, err, true
	default:
		t.Fatalf("no model for upstream vector %s", id)
	}
	b, err = e.result()
	return b, err, false
}

func TestUpstreamVectors(t *testing.T) {
	for _, v := range upstreamVectors(t) {
		t.Run(v.ID, func(t *testing.T) {
			got, err, legacy := upstreamEncode(t, v.ID)
			if !legacy {
				checkBytes(t, v.ID, got, err, v.BytesHex, v.HashHex)
				return
			}
			// The older layout lacks the trailing producer_language "".
			if err != nil {
				t.Fatal(err)
			}
			if h := hex.EncodeToString(got); h != v.BytesHex+"02" {
				t.Errorf("bytes:\n got %s\nwant %s + 02", h, v.BytesHex)
			}
		})
	}
}

// dumpFiles lists every *.dump.json of the vectors.
func dumpFiles(t *testing.T) []string {
	dir := testenv.Vectors(t)
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.dump.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dump files under %s (%v)", dir, err)
	}
	return files
}

func TestDumps(t *testing.T) {
	dir := testenv.Vectors(t)
	for _, path := range dumpFiles(t) {
		rel, _ := filepath.Rel(dir, path)
		for _, d := range readDumps(t, path) {
			t.Run(rel+"/"+d.Service, func(t *testing.T) {
				if len(d.Types) == 0 {
					t.Fatal("no types")
				}
				for _, typ := range d.Types {
					def := typ.TypeDefJSON.model()
					if def.FQN() != typ.FQN {
						t.Errorf("FQN %s, dump says %s", def.FQN(), typ.FQN)
					}
					b, err := AppendTypeDef(nil, &def)
					checkBytes(t, typ.FQN, b, err, typ.CanonicalHex, typ.TypeHash)
				}
				sc := d.ServiceContractJSON.model()
				b, err := AppendServiceContract(nil, &sc)
				checkBytes(t, "service contract", b, err, d.CanonicalHex, d.ContractID)
				id, err := ContractID(&sc)
				if err != nil || id.String() != d.ContractID {
					t.Errorf("ContractID = %s, %v; want %s", id, err, d.ContractID)
				}
			})
		}
	}
}

func TestCapabilityEncoding(t *testing.T) {
	var v struct {
		ServiceContractJSON serdeContract `json:"service_contract_json"`
		CanonicalHex        string        `json:"canonical_hex"`
		ContractID          string        `json:"contract_id"`
	}
	readJSON(t, filepath.Join(testenv.Vectors(t), "07_capabilities", "capability_encoding.json"), &v)
	sc := v.ServiceContractJSON.model()
	b, err := AppendServiceContract(nil, &sc)
	checkBytes(t, "capability contract", b, err, v.CanonicalHex, v.ContractID)
}

func TestCapabilityRolesNormalisedAndSorted(t *testing.T) {
	nfd := &CapabilityRequirement{Kind: AllOf, Roles: []string{"b", "cafe\u0301", "a"}}
	got, err := AppendCapability(nil, nfd)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{byte(AllOf), 3, 0x0c}
	for _, r := range []string{"a", "b", "caf\u00e9"} {
		want = append(want, byte(len(r)<<2|2))
		want = append(want, r...)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("got %x, want %x", got, want)
	}
	if nfd.Roles[0] != "b" || nfd.Roles[1] != "cafe\u0301" {
		t.Error("encoding changed the caller's roles")
	}
}

func TestFieldOrderIsNFCOrderAndIDsAreRenumbered(t *testing.T) {
	// Raw byte order puts "e\u0301" before "f"; NFC ("\u00e9") puts it after.
	a := []FieldDef{stringField("e\u0301"), stringField("f")}
	b := []FieldDef{stringField("f"), stringField("e\u0301")}
	a[0].ID, a[1].ID = 7, 9
	ga, err := AppendFields(nil, a)
	if err != nil {
		t.Fatal(err)
	}
	gb, err := AppendFields(nil, b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ga, gb) {
		t.Errorf("declaration order changed the bytes: %x vs %x", ga, gb)
	}
	// count 2, 0c, id 1 (zigzag 02), name "f".
	if want := []byte{2, 0x0c, 2, 1<<2 | 2, 'f'}; !bytes.HasPrefix(ga, want) {
		t.Errorf("got %x, want prefix %x", ga, want)
	}
	if a[0].Name != "e\u0301" || a[0].ID != 7 {
		t.Error("encoding changed the caller's fields")
	}
}

func TestNativeModeNeedsProducerLanguage(t *testing.T) {
	for _, c := range []struct {
		modes []string
		lang  string
		ok    bool
	}{
		{[]string{"xlang"}, "", true},
		{[]string{"native"}, "go", true},
		{[]string{"json", "native"}, "python", true},
		{[]string{"native"}, "", false},
		{[]string{"native"}, "rust", false},
		{[]string{"xlang"}, "python", false},
		{[]string{"json"}, "go", false},
	} {
		sc := ServiceContract{Name: "S", Version: 1, SerializationModes: c.modes, ProducerLanguage: c.lang}
		b, err := AppendServiceContract(nil, &sc)
		if c.ok && err != nil {
			t.Errorf("%v %q: %v", c.modes, c.lang, err)
		}
		if !c.ok && (err == nil || b != nil) {
			t.Errorf("%v %q: no error", c.modes, c.lang)
		}
		if _, err2 := ContractID(&sc); (err2 == nil) != c.ok {
			t.Errorf("%v %q: ContractID error %v", c.modes, c.lang, err2)
		}
	}
}

func TestInvalidModelsAreErrors(t *testing.T) {
	method := func(edit func(*MethodDef)) func() ([]byte, error) {
		return func() ([]byte, error) {
			m := MethodDef{Name: "m", RequestType: fill(1), ResponseType: fill(2)}
			edit(&m)
			return AppendMethod(nil, &m)
		}
	}
	field := func(edit func(*FieldDef)) func() ([]byte, error) {
		return func() ([]byte, error) {
			f := stringField("x")
			edit(&f)
			return AppendTypeDef(nil, message("p", "T", f))
		}
	}
	cases := map[string]func() ([]byte, error){
		"31-byte request hash":  method(func(m *MethodDef) { m.RequestType = m.RequestType[:31] }),
		"empty response hash":   method(func(m *MethodDef) { m.ResponseType = nil }),
		"unknown pattern":       method(func(m *MethodDef) { m.Pattern = 9 }),
		"unknown capability":    method(func(m *MethodDef) { m.Requires = &CapabilityRequirement{Kind: 3} }),
		"invalid UTF-8 role":    method(func(m *MethodDef) { m.Requires = &CapabilityRequirement{Roles: []string{"\xff"}} }),
		"invalid UTF-8 name":    method(func(m *MethodDef) { m.Name = "a\xffb" }),
		"31-byte field hash":    field(func(f *FieldDef) { f.TypeKind, f.TypePrimitive, f.TypeRef = Ref, "", fill(3)[:31] }),
		"hash on a primitive":   field(func(f *FieldDef) { f.TypeRef = fill(3) }),
		"unknown type kind":     field(func(f *FieldDef) { f.TypeKind = 7 }),
		"unknown container":     field(func(f *FieldDef) { f.Container = 4 }),
		"unknown primitive":     field(func(f *FieldDef) { f.TypePrimitive = "int" }),
		"primitive on an ANY":   field(func(f *FieldDef) { f.TypeKind = Any }),
		"SELF_REF without name": field(func(f *FieldDef) { f.TypeKind, f.TypePrimitive = SelfRef, "" }),
		"name on a primitive":   field(func(f *FieldDef) { f.SelfRefName = "p.T" }),
		"key outside a map":     field(func(f *FieldDef) { f.ContainerKeyPrimitive = "string" }),
		"map without key":       field(func(f *FieldDef) { f.Container = Map }),
		"31-byte map key hash": field(func(f *FieldDef) {
			f.Container, f.ContainerKeyKind, f.ContainerKeyRef = Map, Ref, fill(4)[:31]
		}),
		"duplicate field": func() ([]byte, error) {
			return AppendTypeDef(nil, message("p", "T", stringField("a"), stringField("a")))
		},
		"unknown TypeDef kind": func() ([]byte, error) {
			return AppendTypeDef(nil, &TypeDef{Kind: 3, Name: "T"})
		},
		"31-byte union variant hash": func() ([]byte, error) {
			return AppendTypeDef(nil, &TypeDef{Kind: Union, Name: "U",
				UnionVariants: []UnionVariantDef{{Name: "a", ID: 1, TypeRef: fill(5)[:31]}}})
		},
		"unknown scope": func() ([]byte, error) {
			return AppendServiceContract(nil, &ServiceContract{Name: "S", Scoped: 2})
		},
		"duplicate method": func() ([]byte, error) {
			m := MethodDef{Name: "m", RequestType: fill(1), ResponseType: fill(2)}
			return AppendServiceContract(nil, &ServiceContract{Name: "S", Methods: []MethodDef{m, m}})
		},
		"bad method in a contract": func() ([]byte, error) {
			m := MethodDef{Name: "m", RequestType: fill(1)}
			return AppendServiceContract(nil, &ServiceContract{Name: "S", Methods: []MethodDef{m}})
		},
	}
	for name, encode := range cases {
		b, err := encode()
		if err == nil || b != nil {
			t.Errorf("%s: got %x, %v; want an error", name, b, err)
			continue
		}
		t.Logf("%s: %v", name, err)
	}
}

func TestHashString(t *testing.T) {
	var h Hash
	h[0], h[31] = 0xab, 0x01
	s := h.String()
	if len(s) != 64 || !strings.HasPrefix(s, "ab00") || !strings.HasSuffix(s, "0001") {
		t.Errorf("String() = %s", s)
	}
}
