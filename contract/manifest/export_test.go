package manifest

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/internal/testenv"
)

func TestExportVector(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "01_unary_basic")
	f, err := Read(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	name, err := ExportFileName(&f.Entries[0])
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "export", name))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Export(&f.Entries[0])
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("export differs:\n%s", firstDiff(got, want))
	}
	ref, err := ParseExport("Echo.aster.json", want)
	if err != nil {
		t.Fatal(err)
	}
	if ref.Service != f.Entries[0].Service || ref.ContractID != f.Entries[0].ContractID {
		t.Errorf("ParseExport = %+v", ref)
	}
}

// TestExportUTF8 checks the export keeps non-ASCII text and sorts fields.
func TestExportUTF8(t *testing.T) {
	path := filepath.Join(testenv.Vectors(t), "04_type_mapping", "manifest.json")
	f, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	m := f.Entries[0]
	m.Methods[0].Description = "caf\u00e9 \u2028 \x7f \U0001F600"
	got, err := Export(&m)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), "\"description\": \"caf\u00e9 \u2028 \x7f \U0001F600\"") {
		t.Errorf("non-ASCII description not kept as UTF-8")
	}
	v, err := pyjson.Unmarshal(got)
	if err != nil {
		t.Fatal(err)
	}
	methods, _ := v.(pyjson.Object).Get("methods")
	fields, _ := methods.([]any)[0].(pyjson.Object).Get("fields")
	var names []string
	for _, fld := range fields.([]any) {
		name, _ := fld.(pyjson.Object).Get("name")
		names = append(names, name.(string))
	}
	if !slices.IsSorted(names) || len(names) != len(m.Methods[0].Fields) {
		t.Errorf("exported fields %v, want the %d fields sorted by name", names, len(m.Methods[0].Fields))
	}
	if slices.IsSortedFunc(m.Methods[0].Fields, func(a, b Field) int { return strings.Compare(a.Name, b.Name) }) {
		t.Errorf("the vector's fields are already sorted; the test proves nothing")
	}
}

func TestParseExportErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"service": "Echo"}`, ErrNotExport.Error()},
		{`[1]`, ErrNotExport.Error()},
		{`{"aster_contract": "1", "service": "Echo"}`, `e.json: $: missing key "contract_id"`},
		{`{"aster_contract": "1", "service": 3, "contract_id": "x"}`, `e.json: $.service: want string, got number`},
		{`{"aster_contract": "1",`, `e.json:1:24: unexpected end of input`},
	} {
		_, err := ParseExport("e.json", []byte(c.in))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("ParseExport(%s) = %v, want %s", c.in, err, c.want)
		}
		if c.want == ErrNotExport.Error() && !errors.Is(err, ErrNotExport) {
			t.Errorf("ParseExport(%s) is not ErrNotExport", c.in)
		}
	}
}

func TestExportFileName(t *testing.T) {
	for _, bad := range []string{"", ".", "..", "a/b", `a\b`, "a\x00"} {
		if name, err := ExportFileName(&Manifest{Service: bad}); err == nil {
			t.Errorf("ExportFileName(%q) = %q, want an error", bad, name)
		}
	}
}

// TestExportInlineParams checks that inline parameters keep their order
// and their manifest keys, unlike request and response fields.
func TestExportInlineParams(t *testing.T) {
	f := readVector(t, "11_inline_params/manifest.json")
	for i := range f.Entries[0].Methods {
		m := &f.Entries[0].Methods[i]
		if len(m.InlineParams) < 2 {
			continue
		}
		data, err := Export(&Manifest{Service: "S", Methods: []Method{*m}})
		if err != nil {
			t.Fatal(err)
		}
		var params []any
		for i := range m.InlineParams {
			params = append(params, m.InlineParams[i].Object())
		}
		want, err := pyjson.Marshal(params, pyjson.Options{Indent: 2})
		if err != nil {
			t.Fatal(err)
		}
		indented := strings.ReplaceAll(string(want), "\n", "\n      ")
		if !strings.Contains(string(data), `"inline_params": `+indented+",\n") {
			t.Errorf("inline_params of %s not kept:\n%s", m.Name, data)
		}
		return
	}
	t.Fatal("the vector has no method with two inline parameters")
}
