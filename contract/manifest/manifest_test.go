package manifest

import (
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/internal/testenv"
)

// vectorManifests lists every manifest file of the conformance vectors.
func vectorManifests(t testing.TB) []string {
	t.Helper()
	all, err := filepath.Glob(filepath.Join(testenv.Vectors(t), "*", "manifest*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range all {
		if !strings.HasSuffix(f, ".dump.json") {
			files = append(files, f)
		}
	}
	if len(files) < 17 {
		t.Fatalf("found only %d vector manifests", len(files))
	}
	return files
}

func TestRoundTripVectors(t *testing.T) {
	for _, path := range vectorManifests(t) {
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(filepath.Base(path), want)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		got, err := TextOf(f).Bytes()
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if string(got) != string(want) {
			t.Errorf("%s: written back differs:\n%s", path, firstDiff(got, want))
		}
	}
}

// TestText writes the entries of every vector, over and over in one
// array of several megabytes, through Text: what WriteTo streams is what
// Bytes gives, and Equal tells it from the same text with a byte
// changed, cut short or lengthened.
func TestText(t *testing.T) {
	var file File
	for _, path := range vectorManifests(t) {
		f, err := Read(path)
		if err != nil {
			t.Fatal(err)
		}
		file.Entries = append(file.Entries, f.Entries...)
	}
	for len(file.Entries) < 1000 {
		file.Entries = append(file.Entries, file.Entries...)
	}
	want, err := TextOf(file).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	text := TextOf(file)
	var written bytes.Buffer
	if n, err := text.WriteTo(&written); err != nil || n != int64(len(want)) || !bytes.Equal(written.Bytes(), want) {
		t.Fatalf("wrote %d bytes, %v; want the %d Bytes gives", n, err, len(want))
	}
	if same, err := text.Equal(want); !same || err != nil {
		t.Fatalf("Equal to the text Bytes gives: %v, %v", same, err)
	}
	if same, _ := text.Equal(want[:len(want)-1]); same {
		t.Fatal("Equal to a shorter text")
	}
	if same, _ := text.Equal(append(want, ' ')); same {
		t.Fatal("Equal to a longer text")
	}
	for _, at := range []int{0, len(want) / 2, len(want) - 1} {
		want[at] ^= 1
		if same, _ := text.Equal(want); same {
			t.Fatalf("Equal misses a changed byte at %d", at)
		}
		want[at] ^= 1
	}
}

// TestObjectsMatchText checks that the objects compare and export read
// hold what Text writes member by member.
func TestObjectsMatchText(t *testing.T) {
	for _, path := range vectorManifests(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(filepath.Base(path), src)
		if err != nil {
			t.Fatal(err)
		}
		objs := make([]any, len(f.Entries))
		for i := range f.Entries {
			objs[i] = f.Entries[i].Object()
		}
		var doc any = objs
		if !f.Array && len(objs) == 1 {
			doc = objs[0]
		}
		want, err := pyjson.Marshal(doc, layout)
		if err != nil {
			t.Fatal(err)
		}
		got, err := TextOf(f).Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: the text and the objects differ:\n%s", path, firstDiff(got, want))
		}
	}
}

// firstDiff shows where two texts part.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-80)
	return "got:  …" + string(got[lo:min(len(got), i+80)]) + "\nwant: …" + string(want[lo:min(len(want), i+80)])
}

// TestIntFloatKept checks that integer and float values keep their kind.
func TestIntFloatKept(t *testing.T) {
	path := filepath.Join(testenv.Vectors(t), "02_streaming_patterns", "manifest.json")
	f, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, m := range f.Entries[0].Methods {
		switch m.Timeout.(type) {
		case int64:
			kinds["int"] = true
		case float64:
			kinds["float"] = true
		case nil:
			kinds["null"] = true
		}
	}
	if !kinds["float"] || !kinds["null"] {
		t.Errorf("timeouts read as %v, want floats and nulls", kinds)
	}
}

func TestArrayForm(t *testing.T) {
	path := filepath.Join(testenv.Vectors(t), "05_versions", "manifest_multi.json")
	f, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Array || len(f.Entries) != 2 {
		t.Fatalf("read %d entries, array %v", len(f.Entries), f.Array)
	}
	one := File{Entries: f.Entries[:1], Array: true}
	b, err := TextOf(one).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "[\n  {\n    \"v\": 1,") || !strings.HasSuffix(string(b), "\n  }\n]") {
		t.Errorf("one-entry array form:\n%s", b)
	}
}

func TestReadMissingFile(t *testing.T) {
	if _, err := Read(filepath.Join(t.TempDir(), "nope.json")); !os.IsNotExist(err) {
		t.Errorf("Read(missing) = %v, want a not-exist error", err)
	}
}

// mutate parses the 01 vector, changes it through edit and re-encodes it.
func mutate(t *testing.T, array bool, edit func(o pyjson.Object) pyjson.Object) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testenv.Vectors(t), "01_unary_basic", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	parse := func() pyjson.Object {
		v, err := pyjson.Unmarshal(data)
		if err != nil {
			t.Fatal(err)
		}
		return v.(pyjson.Object)
	}
	var top any = edit(parse())
	if array {
		top = []any{parse(), top}
	}
	out, err := pyjson.Marshal(top, pyjson.Options{Indent: 2})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// set replaces the value at the end of a path of keys and indexes.
func set(o pyjson.Object, value any, path ...any) pyjson.Object {
	var cur any = o
	for i, p := range path {
		last := i == len(path)-1
		switch k := p.(type) {
		case string:
			obj := cur.(pyjson.Object)
			for j := range obj {
				if obj[j].Key == k {
					if last {
						obj[j].Value = value
					}
					cur = obj[j].Value
				}
			}
		case int:
			cur = cur.([]any)[k]
		}
	}
	return o
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		data func(t *testing.T) []byte
		want string
	}{
		{"truncated", func(t *testing.T) []byte {
			data := mutate(t, false, func(o pyjson.Object) pyjson.Object { return o })
			return data[:bytes.Index(data, []byte(`"request_type": "Ech`))+20]
		}, `m.json:17:23: $.methods[0].request_type: unterminated string`},
		{"timeout type", func(t *testing.T) []byte {
			return mutate(t, true, func(o pyjson.Object) pyjson.Object { return set(o, "30", "methods", 0, "timeout") })
		}, `m.json: $[1].methods[0].timeout: want number or null, got string`},
		{"unknown version", func(t *testing.T) []byte {
			return mutate(t, false, func(o pyjson.Object) pyjson.Object { return set(o, int64(2), "v") })
		}, `m.json: $.v: unsupported manifest version 2 (this aster reads version 1)`},
		{"unknown key", func(t *testing.T) []byte {
			return mutate(t, false, func(o pyjson.Object) pyjson.Object {
				return append(o, pyjson.Member{Key: "extra", Value: nil})
			})
		}, `m.json: $: unknown key "extra"`},
		{"unknown field key", func(t *testing.T) []byte {
			return mutate(t, true, func(o pyjson.Object) pyjson.Object {
				method := o[8].Value.([]any)[0].(pyjson.Object)
				fields, _ := method.Get("fields")
				list := fields.([]any)
				list[1] = append(list[1].(pyjson.Object), pyjson.Member{Key: "colour", Value: "red"})
				return o
			})
		}, `m.json: $[1].methods[0].fields[1]: unknown key "colour"`},
		{"missing key", func(t *testing.T) []byte {
			return mutate(t, false, func(o pyjson.Object) pyjson.Object {
				return slices.DeleteFunc(o, func(m pyjson.Member) bool { return m.Key == "scoped" })
			})
		}, `m.json: $: missing key "scoped"`},
		{"bad id", func(t *testing.T) []byte {
			return mutate(t, false, func(o pyjson.Object) pyjson.Object { return set(o, "ABC", "contract_id") })
		}, `m.json: $.contract_id: want 64 lowercase hex digits, got "ABC"`},
		{"integer type", func(t *testing.T) []byte {
			return mutate(t, false, func(o pyjson.Object) pyjson.Object { return set(o, 1.0, "version") })
		}, `m.json: $.version: want integer, got number`},
		{"tags item", func(t *testing.T) []byte {
			return mutate(t, false, func(o pyjson.Object) pyjson.Object { return set(o, []any{"a", nil}, "tags") })
		}, `m.json: $.tags[1]: want string, got null`},
		{"method not object", func(t *testing.T) []byte {
			return mutate(t, false, func(o pyjson.Object) pyjson.Object { return set(o, []any{"echo"}, "methods") })
		}, `m.json: $.methods[0]: want object, got string`},
		{"scalar", func(*testing.T) []byte { return []byte(`"x"`) }, `m.json: $: want object or array, got string`},
		{"empty array", func(*testing.T) []byte { return []byte(`[]`) }, `m.json: $: empty array, want at least one manifest entry`},
		{"array item", func(*testing.T) []byte { return []byte(`[1]`) }, `m.json: $[0]: want object, got number`},
	} {
		_, err := Parse("m.json", c.data(t))
		if err == nil {
			t.Errorf("%s: parsed", c.name)
		} else if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s:\n got %v\nwant %s", c.name, err, c.want)
		}
	}
}

// TestBuildVectors rebuilds each single-entry vector manifest from its
// dump (type hashes in hashing order, contract id, service contract) and
// its method descriptors given in reverse order.
func TestBuildVectors(t *testing.T) {
	for _, path := range vectorManifests(t) {
		dumpPath := strings.TrimSuffix(path, ".json") + ".dump.json"
		dumpData, err := os.ReadFile(dumpPath)
		if err != nil {
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(path, want)
		if err != nil {
			t.Fatal(err)
		}
		dv, err := pyjson.Unmarshal(dumpData)
		if err != nil {
			t.Fatal(err)
		}
		dumps, ok := dv.([]any)
		if !ok {
			dumps = []any{dv}
		}
		built := File{Array: f.Array}
		for i, d := range dumps {
			m := f.Entries[i]
			c := compiledFromDump(t, d.(pyjson.Object))
			methods := slices.Clone(m.Methods)
			slices.Reverse(methods)
			built.Entries = append(built.Entries, Build(c, m.Scoped, methods, Publication{
				Semver: m.Semver, VCSRevision: m.VCSRevision, VCSTag: m.VCSTag, VCSURL: m.VCSURL,
				PublishedAtEpochMS: m.PublishedAtEpochMS,
			}))
		}
		got, err := TextOf(built).Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: built manifest differs:\n%s", path, firstDiff(got, want))
		}
	}
}

func compiledFromDump(t *testing.T, d pyjson.Object) *contract.Compiled {
	t.Helper()
	get := func(o pyjson.Object, k string) any {
		v, ok := o.Get(k)
		if !ok {
			t.Fatalf("dump lacks %q", k)
		}
		return v
	}
	sc := get(d, "service_contract_json").(pyjson.Object)
	c := &contract.Compiled{}
	c.Contract.Name = get(sc, "name").(string)
	c.Contract.Version = int32(get(sc, "version").(int64))
	for _, m := range get(sc, "serialization_modes").([]any) {
		c.Contract.SerializationModes = append(c.Contract.SerializationModes, m.(string))
	}
	c.Contract.ProducerLanguage = get(sc, "producer_language").(string)
	hash := func(s string) (h contract.Hash) {
		b, err := hex.DecodeString(s)
		if err != nil || len(b) != len(h) {
			t.Fatalf("bad hash %q", s)
		}
		copy(h[:], b)
		return h
	}
	c.ID = hash(get(d, "contract_id").(string))
	for _, ty := range get(d, "types_in_hash_order").([]any) {
		c.Types = append(c.Types, contract.HashedType{Hash: hash(get(ty.(pyjson.Object), "type_hash").(string))})
	}
	return c
}

// FuzzParse checks that Parse never panics and that whatever it accepts
// is written in a form it reads back unchanged.
func FuzzParse(f *testing.F) {
	for _, path := range vectorManifests(f) {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`[{"v": 1}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("f.json", data)
		if err != nil {
			return
		}
		first, err := TextOf(file).Bytes()
		if err != nil {
			t.Fatal(err)
		}
		again, err := Parse("f.json", first)
		if err != nil {
			t.Fatalf("written manifest does not read back: %v", err)
		}
		second, err := TextOf(again).Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if string(first) != string(second) {
			t.Fatalf("round trip changed the manifest")
		}
	})
}
