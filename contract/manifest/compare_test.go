package manifest

import (
	"path/filepath"
	"strings"
	"testing"

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
