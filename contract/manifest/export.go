package manifest

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/asterkit/aster/internal/pyjson"
)

// ExportFormat is the aster_contract value of an export.
const ExportFormat = "1"

// exportLayout is the export's JSON form: indent 2, UTF-8 kept.
var exportLayout = pyjson.Options{Indent: 2}

// IDPrefix is the prefix of contract ids in exports.
const IDPrefix = "blake3:"

// ExportFileName is the file an entry is exported to: <service>.aster.json.
// A service name that is not a plain file name is an error.
func ExportFileName(m *Manifest) (string, error) {
	if m.Service == "" || m.Service == "." || m.Service == ".." || strings.ContainsAny(m.Service, "/\\\x00") {
		return "", fmt.Errorf("service name %s cannot be used as a file name", pyjson.StrRepr(m.Service))
	}
	return m.Service + ".aster.json", nil
}

// Export is the reference's portable export (.aster.json) of one entry,
// ending with a newline: service-level keys re-ordered, lists sorted,
// methods and fields sorted by name and re-keyed.
func Export(m *Manifest) ([]byte, error) {
	methods := slices.Clone(m.Methods)
	slices.SortStableFunc(methods, func(a, b Method) int { return strings.Compare(a.Name, b.Name) })
	obj := pyjson.Object{
		{Key: "aster_contract", Value: ExportFormat},
		{Key: "service", Value: m.Service},
		{Key: "version", Value: m.Version},
		{Key: "contract_id", Value: IDPrefix + m.ContractID},
		{Key: "canonical_encoding", Value: m.CanonicalEncoding},
		{Key: "scoped", Value: m.Scoped},
		{Key: "serialization_modes", Value: stringList(sorted(m.SerializationModes))},
		{Key: "methods", Value: exportList(methods, exportMethod)},
		{Key: "type_hashes", Value: stringList(sorted(m.TypeHashes))},
		{Key: "type_count", Value: m.TypeCount},
		{Key: "method_count", Value: m.MethodCount},
		{Key: "semver", Value: optString(m.Semver)},
		{Key: "deprecated", Value: m.Deprecated},
	}
	b, err := pyjson.Marshal(obj, exportLayout)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// exportMethod re-keys a method: the leading keys in a fixed order, then
// the others sorted. Request and response fields are sorted by name and
// re-keyed; inline parameters stay as in the manifest.
func exportMethod(m *Method) pyjson.Object {
	obj := rekey(m.Object(), "name", "pattern", "request_style", "request_type", "response_type",
		"request_wire_tag", "response_wire_tag", "timeout", "idempotent", "inline_params",
		"fields", "response_fields")
	for i := range obj {
		switch obj[i].Key {
		case "fields":
			obj[i].Value = exportFields(m.Fields)
		case "response_fields":
			obj[i].Value = exportFields(m.ResponseFields)
		}
	}
	return obj
}

// exportFields sorts fields by name and re-keys each: name and required
// first, then the others sorted.
func exportFields(fields []Field) []any {
	fields = slices.Clone(fields)
	slices.SortStableFunc(fields, func(a, b Field) int { return strings.Compare(a.Name, b.Name) })
	return exportList(fields, func(f *Field) pyjson.Object { return rekey(f.Object(), "name", "required") })
}

// exportList is the JSON array of the objects export makes of items.
func exportList[T any](items []T, export func(*T) pyjson.Object) []any {
	out := make([]any, len(items))
	for i := range items {
		out[i] = export(&items[i])
	}
	return out
}

// rekey is obj with the members named by lead first, in that order, then
// the others sorted by key.
func rekey(obj pyjson.Object, lead ...string) pyjson.Object {
	out := make(pyjson.Object, 0, len(obj))
	for _, k := range lead {
		if v, ok := obj.Get(k); ok {
			out = append(out, pyjson.Member{Key: k, Value: v})
		}
	}
	var rest pyjson.Object
	for _, m := range obj {
		if !slices.Contains(lead, m.Key) {
			rest = append(rest, m)
		}
	}
	slices.SortFunc(rest, func(a, b pyjson.Member) int { return cmp.Compare(a.Key, b.Key) })
	return append(out, rest...)
}

// ErrNotExport is returned by ParseExport for JSON that is not an export.
var ErrNotExport = errors.New("not a valid .aster.json file")

// ExportRef is what verify needs of an export.
type ExportRef struct {
	Service string
	// ContractID is the id without its "blake3:" prefix.
	ContractID string
}

// ParseExport reads the service and contract id of an export. JSON without
// an aster_contract key gives ErrNotExport; other errors start with name.
func ParseExport(name string, data []byte) (ExportRef, error) {
	v, err := pyjson.Unmarshal(data)
	if err != nil {
		return ExportRef{}, fmt.Errorf("%s:%v", name, err)
	}
	obj, ok := v.(pyjson.Object)
	if !ok {
		return ExportRef{}, ErrNotExport
	}
	if _, ok := obj.Get("aster_contract"); !ok {
		return ExportRef{}, ErrNotExport
	}
	r := &reader{}
	m := &members{r: r, path: "$", obj: obj}
	for _, key := range []string{"service", "contract_id"} {
		if _, ok := obj.Get(key); !ok {
			r.failf("$", "missing key %q", key)
		}
	}
	ref := ExportRef{Service: m.str("service"), ContractID: strings.TrimPrefix(m.str("contract_id"), IDPrefix)}
	if r.err != nil {
		return ExportRef{}, fmt.Errorf("%s: %w", name, r.err)
	}
	return ref, nil
}

// Find returns the first entry of f for service, or nil.
func (f File) Find(service string) *Manifest {
	for i := range f.Entries {
		if f.Entries[i].Service == service {
			return &f.Entries[i]
		}
	}
	return nil
}
