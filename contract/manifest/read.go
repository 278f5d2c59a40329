package manifest

import (
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/asterkit/aster/internal/inputfile"
	"github.com/asterkit/aster/internal/pyjson"
)

// Version is the manifest format version this package reads and writes.
const Version = 1

// Read reads and parses the manifest file at path. A missing or unreadable
// file gives the *fs.PathError of os.ReadFile.
func Read(path string) (File, error) {
	data, err := inputfile.Read(path, inputfile.Manifest)
	if err != nil {
		return File{}, err
	}
	return Parse(path, data)
}

// Parse reads a manifest file's content: an object or a non-empty array
// of objects, each with exactly the keys the writer writes. Errors start
// with name and give the JSON path of the offending value, e.g.
// "manifest.json: $[1].methods[0].timeout: want number or null, got string".
func Parse(name string, data []byte) (File, error) {
	v, err := pyjson.Unmarshal(data)
	if err != nil {
		var se *pyjson.SyntaxError
		if errors.As(err, &se) {
			return File{}, fmt.Errorf("%s:%v", name, err)
		}
		return File{}, fmt.Errorf("%s: %v", name, err)
	}
	r := &reader{}
	var f File
	switch x := v.(type) {
	case pyjson.Object:
		f.Entries = []Manifest{r.manifest(x, "$")}
	case []any:
		if len(x) == 0 {
			r.failf("$", "empty array, want at least one manifest entry")
		}
		f.Array = true
		for i, item := range x {
			path := pyjson.IndexPath("$", i)
			if o, ok := r.object(item, path); ok {
				f.Entries = append(f.Entries, r.manifest(o, path))
			}
			if r.err != nil {
				break
			}
		}
	default:
		r.failf("$", "want object or array, got %s", jsonType(v))
	}
	if r.err != nil {
		return File{}, fmt.Errorf("%s: %w", name, r.err)
	}
	return f, nil
}

// reader converts parsed JSON into the model, keeping the first error.
type reader struct {
	err error
}

func (r *reader) failf(path, format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%s: %s", path, fmt.Sprintf(format, args...))
	}
}

func (r *reader) object(v any, path string) (pyjson.Object, bool) {
	o, ok := v.(pyjson.Object)
	if !ok {
		r.failf(path, "want object, got %s", jsonType(v))
	}
	return o, ok
}

// members reads the members of one object with a fixed key set.
type members struct {
	r    *reader
	path string
	obj  pyjson.Object
}

// open checks that obj has every key of required, no key outside
// required and optional, and returns a reader for its values.
func (r *reader) open(obj pyjson.Object, path string, required, optional []string) *members {
	for _, m := range obj {
		if !slices.Contains(required, m.Key) && !slices.Contains(optional, m.Key) {
			r.failf(path, "unknown key %q", m.Key)
		}
	}
	for _, k := range required {
		if _, ok := obj.Get(k); !ok {
			r.failf(path, "missing key %q", k)
		}
	}
	return &members{r: r, path: path, obj: obj}
}

// get returns the value of key; ok is false when absent or after an
// error.
func (m *members) get(key string) (v any, ok bool) {
	if m.r.err != nil {
		return nil, false
	}
	return m.obj.Get(key)
}

// at is the JSON path of the value of key, for messages.
func (m *members) at(key string) string {
	return pyjson.KeyPath(m.path, key)
}

func (m *members) str(key string) string {
	v, ok := m.get(key)
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		m.r.failf(m.at(key), "want string, got %s", jsonType(v))
	}
	return s
}

func (m *members) optStr(key string) *string {
	v, ok := m.get(key)
	if !ok || v == nil {
		return nil
	}
	s := m.str(key)
	return &s
}

// hex64 reads a string of 64 lowercase hex digits (a BLAKE3 hash).
func (m *members) hex64(key string) string {
	s := m.str(key)
	if _, ok := m.get(key); ok && !isHash(s) {
		m.r.failf(m.at(key), "want 64 lowercase hex digits, got %q", s)
	}
	return s
}

func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func (m *members) boolean(key string) bool {
	v, ok := m.get(key)
	if !ok {
		return false
	}
	b, isBool := v.(bool)
	if !isBool {
		m.r.failf(m.at(key), "want true or false, got %s", jsonType(v))
	}
	return b
}

func (m *members) optBool(key string) *bool {
	if _, ok := m.get(key); !ok {
		return nil
	}
	b := m.boolean(key)
	return &b
}

func (m *members) integer(key string) int64 {
	v, ok := m.get(key)
	if !ok {
		return 0
	}
	switch x := v.(type) {
	case int64:
		return x
	case *big.Int:
		m.r.failf(m.at(key), "integer %s out of range", x)
	default:
		m.r.failf(m.at(key), "want integer, got %s", jsonType(v))
	}
	return 0
}

// value reads any JSON value.
func (m *members) value(key string) any {
	v, _ := m.get(key)
	return v
}

func (m *members) number(key string) any {
	v, ok := m.get(key)
	if !ok {
		return nil
	}
	switch v.(type) {
	case nil, int64, *big.Int, float64:
		return v
	}
	m.r.failf(m.at(key), "want number or null, got %s", jsonType(v))
	return nil
}

func (m *members) array(key string) []any {
	v, ok := m.get(key)
	if !ok {
		return nil
	}
	a, isArray := v.([]any)
	if !isArray {
		m.r.failf(m.at(key), "want array, got %s", jsonType(v))
	}
	return a
}

func (m *members) strList(key string) []string {
	a := m.array(key)
	if a == nil {
		return nil
	}
	out := make([]string, 0, len(a))
	for i, v := range a {
		s, ok := v.(string)
		if !ok {
			m.r.failf(pyjson.IndexPath(m.at(key), i), "want string, got %s", jsonType(v))
			return nil
		}
		out = append(out, s)
	}
	return out
}

func (m *members) objectValue(key string) any {
	v, ok := m.get(key)
	if !ok {
		return nil
	}
	m.r.object(v, m.at(key))
	return v
}

var (
	manifestKeys = []string{"v", "service", "version", "contract_id", "canonical_encoding",
		"type_count", "type_hashes", "method_count", "methods", "serialization_modes",
		"producer_language", "scoped", "description", "tags", "deprecated", "semver",
		"vcs_revision", "vcs_tag", "vcs_url", "changelog", "published_by", "published_at_epoch_ms"}
	methodKeys = []string{"name", "pattern", "request_type", "response_type", "request_wire_tag",
		"response_wire_tag", "timeout", "idempotent", "fields", "response_fields", "request_style",
		"inline_params", "description", "tags", "deprecated"}
	fieldKeys = []string{"name", "kind", "nullable", "required", "default_value", "default_kind",
		"description", "tags", "properties"}
	fieldOptionalKeys = []string{"ref_name", "wire_tag", "enum_values", "item_kind", "item_ref",
		"item_wire_tag", "item_nullable", "key_kind", "value_kind", "value_ref", "value_nullable"}
)

func (r *reader) manifest(obj pyjson.Object, path string) Manifest {
	// The version comes first: a newer format may have other keys.
	if v, ok := obj.Get("v"); ok {
		if n, isInt := v.(int64); !isInt || n != Version {
			r.failf(pyjson.KeyPath(path, "v"), "unsupported manifest version %s (this aster reads version %d)", show(v), Version)
		}
	}
	m := r.open(obj, path, manifestKeys, nil)
	out := Manifest{
		V:                  m.integer("v"),
		Service:            m.str("service"),
		Version:            m.integer("version"),
		ContractID:         m.hex64("contract_id"),
		CanonicalEncoding:  m.str("canonical_encoding"),
		TypeCount:          m.integer("type_count"),
		TypeHashes:         m.hashList("type_hashes"),
		MethodCount:        m.integer("method_count"),
		Methods:            m.methods("methods"),
		SerializationModes: m.strList("serialization_modes"),
		ProducerLanguage:   m.str("producer_language"),
		Scoped:             m.str("scoped"),
		Description:        m.str("description"),
		Tags:               m.strList("tags"),
		Deprecated:         m.boolean("deprecated"),
		Semver:             m.optStr("semver"),
		VCSRevision:        m.optStr("vcs_revision"),
		VCSTag:             m.optStr("vcs_tag"),
		VCSURL:             m.optStr("vcs_url"),
		Changelog:          m.value("changelog"),
		PublishedBy:        m.str("published_by"),
		PublishedAtEpochMS: m.integer("published_at_epoch_ms"),
	}
	return out
}

func (m *members) hashList(key string) []string {
	list := m.strList(key)
	for i, s := range list {
		if !isHash(s) {
			m.r.failf(pyjson.IndexPath(m.at(key), i), "want 64 lowercase hex digits, got %q", s)
		}
	}
	return list
}

// objects reads the array at key, opening each element as an object with
// the required and optional keys and converting it with read. It is nil
// when an element is not an object.
func objects[T any](m *members, key string, required, optional []string, read func(*members) T) []T {
	a, path := m.array(key), m.at(key)
	out := make([]T, 0, len(a))
	for i, v := range a {
		p := pyjson.IndexPath(path, i)
		obj, ok := m.r.object(v, p)
		if !ok {
			return nil
		}
		out = append(out, read(m.r.open(obj, p, required, optional)))
	}
	return out
}

func (m *members) methods(key string) []Method {
	return objects(m, key, methodKeys, nil, func(mm *members) Method {
		return Method{
			Name:            mm.str("name"),
			Pattern:         mm.str("pattern"),
			RequestType:     mm.str("request_type"),
			ResponseType:    mm.str("response_type"),
			RequestWireTag:  mm.str("request_wire_tag"),
			ResponseWireTag: mm.str("response_wire_tag"),
			Timeout:         mm.number("timeout"),
			Idempotent:      mm.boolean("idempotent"),
			Fields:          mm.fields("fields"),
			ResponseFields:  mm.fields("response_fields"),
			RequestStyle:    mm.str("request_style"),
			InlineParams:    mm.fields("inline_params"),
			Description:     mm.str("description"),
			Tags:            mm.strList("tags"),
			Deprecated:      mm.boolean("deprecated"),
		}
	})
}

func (m *members) fields(key string) []Field {
	return objects(m, key, fieldKeys, fieldOptionalKeys, func(f *members) Field {
		field := Field{
			Name:          f.str("name"),
			Kind:          f.str("kind"),
			Nullable:      f.boolean("nullable"),
			Required:      f.boolean("required"),
			DefaultValue:  f.value("default_value"),
			DefaultKind:   f.str("default_kind"),
			Description:   f.str("description"),
			Tags:          f.strList("tags"),
			RefName:       f.present("ref_name"),
			WireTag:       f.present("wire_tag"),
			ItemKind:      f.present("item_kind"),
			ItemRef:       f.present("item_ref"),
			ItemWireTag:   f.present("item_wire_tag"),
			ItemNullable:  f.optBool("item_nullable"),
			KeyKind:       f.present("key_kind"),
			ValueKind:     f.present("value_kind"),
			ValueRef:      f.present("value_ref"),
			ValueNullable: f.optBool("value_nullable"),
			Properties:    f.objectValue("properties"),
		}
		if _, ok := f.get("enum_values"); ok {
			field.EnumValues = f.array("enum_values")
		}
		return field
	})
}

// present reads an optional string key: nil when absent.
func (m *members) present(key string) *string {
	if _, ok := m.get(key); !ok {
		return nil
	}
	s := m.str(key)
	return &s
}

// jsonType names the JSON type of a parsed value for messages.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case int64, *big.Int, float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case pyjson.Object:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// show writes a parsed value as one line of JSON for messages.
func show(v any) string {
	b, err := pyjson.Marshal(v, pyjson.Options{Indent: -1})
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
