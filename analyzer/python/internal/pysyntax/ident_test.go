package pysyntax

import "testing"

// Identifiers are NFKC-normalised, as CPython's parser does.
func TestIdentifiersNormalised(t *testing.T) {
	m, err := Parse([]byte("from ﬁle_types import ﬁeld as ｔｉｔｌｅ\n"))
	if err != nil {
		t.Fatal(err)
	}
	imp := m.Body[0].(*ImportFrom)
	if got := imp.Module.String(); got != "file_types" {
		t.Errorf("module = %q, want file_types", got)
	}
	if got := imp.Names[0].Name.String(); got != "field" {
		t.Errorf("name = %q, want field", got)
	}
	if got := imp.Names[0].AsName.ID; got != "title" {
		t.Errorf("as = %q, want title", got)
	}
}
