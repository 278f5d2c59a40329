package manifest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/internal/testenv"
)

func readVector(t *testing.T, rel string) File {
	t.Helper()
	f, err := Read(filepath.Join(testenv.Vectors(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestCompareRenamedExample(t *testing.T) {
	r := Compare(readVector(t, "05_versions/manifest_v1.json"), readVector(t, "06_renamed_field/manifest_renamed.json"))
	want := "  ~ type_hashes +1 -1\n" +
		"  ~ method create:\n" +
		"    request fields:\n" +
		"      - body: string\n" +
		"      + content: string\n"
	text := r.Text(false)
	if !strings.HasPrefix(text, "Notes v1: contract_id changed ") || !strings.HasSuffix(text, want) {
		t.Errorf("report:\n%s", text)
	}
	if !r.Drift() || !r.IDsChanged() {
		t.Errorf("Drift %v, IDsChanged %v; want both", r.Drift(), r.IDsChanged())
	}
}

func TestComparePublicationOnly(t *testing.T) {
	old := readVector(t, "01_unary_basic/manifest.json")
	new := readVector(t, "01_unary_basic/manifest.json")
	rev, semver := "abc", "1.0.0"
	new.Entries[0].VCSRevision = &rev
	new.Entries[0].Semver = &semver
	new.Entries[0].PublishedAtEpochMS++
	r := Compare(old, new)
	if r.Drift() || r.IDsChanged() {
		t.Errorf("publication metadata: Drift %v, IDsChanged %v", r.Drift(), r.IDsChanged())
	}
	if got := r.Text(false); got != "" {
		t.Errorf("check text %q, want empty", got)
	}
	if got, want := r.Text(true), "Echo v1: publication metadata only (semver, vcs_revision, published_at_epoch_ms)\n"; got != want {
		t.Errorf("diff text %q, want %q", got, want)
	}
}

func TestCompareEqual(t *testing.T) {
	f := readVector(t, "05_versions/manifest_multi.json")
	r := Compare(f, readVector(t, "05_versions/manifest_multi.json"))
	if r.Drift() || r.IDsChanged() || r.Text(true) != "" {
		t.Errorf("equal files: %q", r.Text(true))
	}
}

func TestCompareLayoutAndOrder(t *testing.T) {
	multi := readVector(t, "05_versions/manifest_multi.json")
	one := File{Entries: multi.Entries[:1]}
	asArray := File{Entries: multi.Entries[:1], Array: true}
	r := Compare(one, asArray)
	if !r.Drift() || r.IDsChanged() {
		t.Errorf("layout change: Drift %v, IDsChanged %v", r.Drift(), r.IDsChanged())
	}
	if got := r.Text(false); got != "layout changed: object -> array (manifest only)\n" {
		t.Errorf("layout text %q", got)
	}
	swapped := File{Entries: []Manifest{multi.Entries[1], multi.Entries[0]}, Array: true}
	r = Compare(multi, swapped)
	if got := r.Text(false); got != "entries reordered: Notes v1, Notes v2 -> Notes v2, Notes v1 (manifest only)\n" || r.IDsChanged() {
		t.Errorf("reordered text %q", got)
	}
}

func TestCompareTimeoutKind(t *testing.T) {
	old := readVector(t, "02_streaming_patterns/manifest.json")
	new := readVector(t, "02_streaming_patterns/manifest.json")
	changed := false
	for i := range new.Entries[0].Methods {
		if f, ok := new.Entries[0].Methods[i].Timeout.(float64); ok && f == float64(int64(f)) {
			new.Entries[0].Methods[i].Timeout = int64(f)
			changed = true
		}
	}
	if !changed {
		t.Fatal("the vector has no whole-number float timeout")
	}
	r := Compare(old, new)
	if !r.Drift() || !strings.Contains(r.Text(false), " -> 30 (manifest only)\n") {
		t.Errorf("30.0 -> 30 not reported:\n%s", r.Text(false))
	}
}

func TestTypeString(t *testing.T) {
	s := func(v string) *string { return &v }
	yes, no := true, false
	for _, c := range []struct {
		f    Field
		want string
	}{
		{Field{Kind: "string"}, "string"},
		{Field{Kind: "int", Nullable: true}, "int?"},
		{Field{Kind: "ref", RefName: s("Money")}, "ref Money"},
		{Field{Kind: "enum", RefName: s("Color"), Nullable: true}, "enum Color?"},
		{Field{Kind: "list", ItemKind: s("ref"), ItemRef: s("LineItem"), ItemNullable: &no}, "list<ref LineItem>"},
		{Field{Kind: "list", ItemKind: s("int"), ItemNullable: &yes}, "list<int?>"},
		{Field{Kind: "map", KeyKind: s("string"), ValueKind: s("ref"), ValueRef: s("LineItem"), ValueNullable: &no}, "map<string, ref LineItem>"},
		{Field{Kind: "map", KeyKind: s("int"), ValueKind: s("string"), ValueNullable: &yes, Nullable: true}, "map<int, string?>?"},
	} {
		if got := TypeString(&c.f); got != c.want {
			t.Errorf("TypeString(%+v) = %q, want %q", c.f, got, c.want)
		}
	}
}

// TestCompareSeesEveryValue changes each value of vector manifests in
// turn, keeping its JSON type, and checks that the report sees a drift
// (for check) exactly when the value is not publication metadata.
func TestCompareSeesEveryValue(t *testing.T) {
	for _, rel := range []string{"04_type_mapping/manifest.json", "02_streaming_patterns/manifest.json", "11_inline_params/manifest.json"} {
		data, err := os.ReadFile(filepath.Join(testenv.Vectors(t), rel))
		if err != nil {
			t.Fatal(err)
		}
		old, err := Parse(rel, data)
		if err != nil {
			t.Fatal(err)
		}
		count := 0
		for i := 0; ; i++ {
			doc, err := pyjson.Unmarshal(data)
			if err != nil {
				t.Fatal(err)
			}
			slots := leaves(doc, "$", nil)
			if i == len(slots) {
				break
			}
			path := slots[i].path
			if path == "$.v" {
				continue
			}
			slots[i].change()
			edited, err := pyjson.Marshal(doc, layout)
			if err != nil {
				t.Fatal(err)
			}
			new, err := Parse(rel, edited)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			count++
			r := Compare(old, new)
			if slices.Contains(publicationKeys, strings.TrimPrefix(path, "$.")) {
				if r.Drift() || r.Text(true) == "" {
					t.Errorf("%s: %s: publication change reported as drift %v:\n%s", rel, path, r.Drift(), r.Text(true))
				}
			} else if !r.Drift() || r.Text(false) == "" {
				t.Errorf("%s: change at %s not reported", rel, path)
			}
		}
		if count < 50 {
			t.Errorf("%s: only %d values changed", rel, count)
		}
	}
}

// slot is one changeable value of a parsed manifest.
type slot struct {
	path   string
	change func()
}

// descriptorLists are the keys whose arrays hold objects.
var descriptorLists = []string{"methods", "fields", "response_fields", "inline_params"}

// leaves lists the values under v that can be changed in place keeping
// their JSON type: every scalar, every list of scalars (by appending), and
// each properties object (by adding a member).
func leaves(v any, path string, out []slot) []slot {
	switch x := v.(type) {
	case pyjson.Object:
		for i := range x {
			m := &x[i]
			p := pyjson.KeyPath(path, m.Key)
			switch {
			case slices.Contains(descriptorLists, m.Key):
				for j, item := range m.Value.([]any) {
					out = leaves(item, pyjson.IndexPath(p, j), out)
				}
			case m.Key == "properties":
				out = append(out, slot{p, func() { m.Value = append(m.Value.(pyjson.Object), pyjson.Member{Key: "a", Value: nil}) }})
			default:
				out = append(out, slot{p, func() {
					if m.Value == nil && m.Key != "timeout" {
						m.Value = "x" // the string-or-null keys
					} else {
						m.Value = changed(m.Value)
					}
				}})
			}
		}
	}
	return out
}

// changed is a different value of the same JSON type.
func changed(v any) any {
	switch x := v.(type) {
	case nil:
		return int64(1)
	case bool:
		return !x
	case int64:
		return x + 1
	case float64:
		return x + 0.5
	case string:
		if isHash(x) {
			return strings.Repeat("0", 63) + "1"
		}
		return x + "x"
	case []any:
		if len(x) == 0 {
			return []any{"x"}
		}
		return append(x, changed(x[0]))
	}
	panic("unexpected value")
}

func TestCompareMethodOrderAndDuplicates(t *testing.T) {
	old := readVector(t, "05_versions/manifest_v2.json")
	new := readVector(t, "05_versions/manifest_v2.json")
	ms := new.Entries[0].Methods
	ms[0], ms[1] = ms[1], ms[0]
	r := Compare(old, new)
	if got := r.Text(false); !strings.HasSuffix(got, "\n  ~ methods reordered: create, delete -> delete, create (manifest only)\n") {
		t.Errorf("reordered methods:\n%s", got)
	}
	dup := readVector(t, "05_versions/manifest_v2.json")
	dup.Entries[0].Methods = append(dup.Entries[0].Methods, dup.Entries[0].Methods[0])
	r = Compare(old, dup)
	if got := r.Text(false); !strings.Contains(got, "\n  + method create (unary): ") {
		t.Errorf("a repeated method is not reported as added:\n%s", got)
	}
}

func TestCompareDefaultKinds(t *testing.T) {
	old := readVector(t, "04_type_mapping/manifest.json")
	new := readVector(t, "04_type_mapping/manifest.json")
	var name string
	for i, f := range new.Entries[0].Methods[0].Fields {
		if f.DefaultKind == "factory" {
			new.Entries[0].Methods[0].Fields[i].DefaultKind = "empty_list"
			name = f.Name
			break
		}
	}
	if name == "" {
		t.Fatal("the vector has no factory default")
	}
	want := "      ~ " + name + ": default factory -> empty_list (manifest only)\n"
	if got := Compare(old, new).Text(false); !strings.Contains(got, want) {
		t.Errorf("report lacks %q:\n%s", want, got)
	}
}
