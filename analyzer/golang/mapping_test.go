package golang

import (
	"slices"
	"testing"

	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/contract/manifest"
)

func TestSnakeCase(t *testing.T) {
	for in, want := range map[string]string{
		"GetStatus": "get_status", "GetHTTPStatus": "get_http_status", "V2Sync": "v2_sync",
		"ID": "id", "UserID": "user_id", "UptimeS": "uptime_s", "Sha256Sum": "sha256_sum", "x": "x", "HTTP": "http",
	} {
		if got := snakeCase(in); got != want {
			t.Errorf("snakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFieldMapping checks the rows of the field type table the vectors do
// not cover, on testdata/vectors/mapping.
func TestFieldMapping(t *testing.T) {
	p := fixtureModel(t, "mapping")
	res := findService(t, p, "Mapping")
	svc := res.Service
	prim := func(name string) contract.Element { return contract.Element{Kind: contract.Primitive, Primitive: name} }
	anyE := contract.Element{Kind: contract.Any}
	ref := func(fqn string) contract.Element { return contract.Element{Kind: contract.Ref, Target: fqn} }
	type want struct {
		typ, key  contract.Element
		container contract.ContainerKind
		optional  bool
	}
	wants := map[string]want{
		"id":        {typ: prim("string")},
		"created":   {typ: anyE},
		"by_user":   {typ: prim("string")},
		"other":     {typ: prim("varint64")},
		"temp":      {typ: prim("float64")},
		"lvl":       {typ: anyE},
		"lvls":      {typ: anyE, container: contract.List},
		"wait":      {typ: anyE},
		"tags":      {typ: anyE},
		"grid":      {typ: anyE, container: contract.List},
		"opt":       {typ: anyE, key: prim("string"), container: contract.Map},
		"keys":      {typ: ref("m.Key"), container: contract.Set},
		"by_key":    {typ: ref("m.Key"), key: ref("m.Key"), container: contract.Map},
		"fixed32":   {typ: prim("int32"), container: contract.List},
		"fixed_map": {typ: prim("uint32"), key: prim("uint64"), container: contract.Map},
		"digest":    {typ: prim("uint8"), container: contract.List},
		"u":         {typ: prim("var_uint64")},
		"i8":        {typ: prim("int8")},
		"r":         {typ: prim("varint32")},
		"maybe":     {typ: ref("m.Key"), container: contract.List, optional: true},
		"any":       {typ: anyE},
		"shape":     {typ: anyE},
		"cplx":      {typ: anyE},
		"rec":       {typ: anyE},
		"self":      {typ: ref("m.Item"), optional: true},
		"deep":      {typ: anyE, container: contract.List},
		"wrap":      {typ: ref("m.Wrapped")},
	}
	var item *contract.Node
	var fqns []string
	for _, n := range svc.Types {
		fqns = append(fqns, n.FQN())
		if n.FQN() == "m.Item" {
			item = n
		}
	}
	if !slices.Equal(fqns, []string{"m.Item", "m.Key", "m.Leaf", "m.Wrapped"}) {
		t.Fatalf("nodes %v", fqns)
	}
	if !slices.Equal(item.Edges, []string{"m.Leaf"}) {
		t.Errorf("edges %v, want [m.Leaf]", item.Edges)
	}
	if len(item.Fields) != len(wants) {
		t.Errorf("%d fields, want %d", len(item.Fields), len(wants))
	}
	for _, f := range item.Fields {
		w, ok := wants[f.Name]
		if !ok {
			t.Errorf("unexpected field %q", f.Name)
			continue
		}
		if f.Type != w.typ || f.Key != w.key || f.Container != w.container || f.Optional != w.optional || !f.Required {
			t.Errorf("%s: got %+v, want %+v", f.Name, f, w)
		}
	}
	if svc.ProducerLanguage != "go" || !slices.Equal(svc.SerializationModes, []string{"native", "json"}) {
		t.Errorf("producer %q modes %v", svc.ProducerLanguage, svc.SerializationModes)
	}
	methods := map[string]contract.Method{}
	for _, m := range svc.Methods {
		methods[m.Name] = m
	}
	if m := methods["Put"]; m.Request.FQN != "m.Item" || m.Response.Primitive != "bool" || m.DefaultTimeout != 5 {
		t.Errorf("Put: %+v", m)
	}
	if m := methods["stream"]; m.Pattern != contract.ServerStream || m.Request.Primitive != "int64" || m.Response.Primitive != "binary" {
		t.Errorf("stream: %+v", m)
	}
	if m := methods["collect"]; m.Pattern != contract.ClientStream || !m.Idempotent || m.Request.Primitive != "string" || m.Response.Primitive != "float64" {
		t.Errorf("collect: %+v", m)
	}
	if _, err := contract.Compile(svc); err != nil {
		t.Errorf("Compile: %v", err)
	}
	var names []string
	for _, s := range p.Structs {
		names = append(names, s.Type.Name)
	}
	if !slices.Equal(names, []string{"Audit", "Base", "Item", "Key", "Leaf", "Wrapped"}) {
		t.Errorf("guarded structs %v, want the reached ones and those embedded in them", names)
	}
	if want := []string{
		"Item //aster:wire_type m/Item", "Key //aster:wire_type m/Key", "Leaf //aster:wire_type m/Leaf",
		"Mapping //aster:service name=Mapping serialization=native,json", "Mapping.Collect //aster:client_stream idempotent",
		"Mapping.PutItem //aster:rpc name=Put timeout=5", "Mapping.Stream //aster:server_stream", "Wrapped //aster:wire_type m/Wrapped",
	}; !slices.Equal(p.Directives, want) {
		t.Errorf("directives %q, want %q", p.Directives, want)
	}
	if pos, ok := p.Declared["Celsius"]; !ok || pos != (Position{File: "mapping/svc.go", Line: 12, Col: 6}) {
		t.Errorf("Celsius declared at %+v", pos)
	}
}

// TestDescriptors checks the manifest field descriptors of the Go mapping.
func TestDescriptors(t *testing.T) {
	res := findService(t, fixtureModel(t, "mapping"), "Mapping")
	var put manifest.Method
	for _, m := range res.Methods {
		if m.Name == "Put" {
			put = m
		}
	}
	if put.RequestType != "Item" || put.RequestWireTag != "m/Item" || put.ResponseType != "bool" || put.ResponseWireTag != "" ||
		put.Timeout != int64(5) || put.RequestStyle != "explicit" || len(put.InlineParams) != 0 || len(put.ResponseFields) != 0 {
		t.Errorf("Put: %+v", put)
	}
	fields := map[string]manifest.Field{}
	for _, f := range put.Fields {
		fields[f.Name] = f
		if !f.Required || f.DefaultValue != nil || f.DefaultKind != "none" {
			t.Errorf("%s: required %v default %v %q", f.Name, f.Required, f.DefaultValue, f.DefaultKind)
		}
	}
	str := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return *p
	}
	check := func(name, kind string, nullable bool, extra ...string) {
		t.Helper()
		f := fields[name]
		got := []string{f.Kind, str(f.RefName), str(f.WireTag), str(f.ItemKind), str(f.ItemRef), str(f.ItemWireTag), str(f.KeyKind), str(f.ValueKind), str(f.ValueRef)}
		if f.Kind != kind || f.Nullable != nullable || !slices.Equal(got[1:], extra) {
			t.Errorf("%s: %v nullable %v, want %s %v nullable %v", name, got, f.Nullable, kind, extra, nullable)
		}
	}
	n := "<nil>"
	check("temp", "float", false, n, n, n, n, n, n, n, n)
	check("lvl", "enum", false, "Level", n, n, n, n, n, n, n)
	check("lvls", "list", false, n, n, "enum", "Level", n, n, n, n)
	check("keys", "string", false, n, n, n, n, n, n, n, n)
	check("by_key", "map", false, n, n, n, n, n, "ref", "ref", "Key")
	check("maybe", "list", true, n, n, "ref", "Key", "m/Key", n, n, n)
	check("digest", "list", false, n, n, "int", n, n, n, n, n)
	check("self", "ref", true, "Item", "m/Item", n, n, n, n, n, n)
	check("created", "string", false, n, n, n, n, n, n, n, n)
	if got := fields["lvl"].EnumValues; !slices.Equal(got, []any{int64(1), int64(2)}) {
		t.Errorf("lvl enum values %v", got)
	}
}
