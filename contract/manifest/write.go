package manifest

import (
	"github.com/asterkit/aster/internal/pyjson"
)

// layout is json.dumps(indent=2) with ASCII escaping, the manifest's form.
var layout = pyjson.Options{Indent: 2, ASCII: true}

// Marshal writes f as the reference writes a manifest: an object for a
// single entry, else an array, indented by 2, ASCII only, no trailing
// newline. The entries of an array are turned into JSON values one at a
// time, so a large file's values never all exist at once.
func Marshal(f File) ([]byte, error) {
	if !f.Array && len(f.Entries) == 1 {
		return pyjson.Marshal(f.Entries[0].Object(), layout)
	}
	return pyjson.MarshalArray(len(f.Entries), func(i int) any { return f.Entries[i].Object() }, layout)
}

// Object is the entry as a JSON object, keys in file order.
func (m *Manifest) Object() pyjson.Object {
	return pyjson.Object{
		{Key: "v", Value: m.V},
		{Key: "service", Value: m.Service},
		{Key: "version", Value: m.Version},
		{Key: "contract_id", Value: m.ContractID},
		{Key: "canonical_encoding", Value: m.CanonicalEncoding},
		{Key: "type_count", Value: m.TypeCount},
		{Key: "type_hashes", Value: stringList(m.TypeHashes)},
		{Key: "method_count", Value: m.MethodCount},
		{Key: "methods", Value: objectList(m.Methods, (*Method).Object)},
		{Key: "serialization_modes", Value: stringList(m.SerializationModes)},
		{Key: "producer_language", Value: m.ProducerLanguage},
		{Key: "scoped", Value: m.Scoped},
		{Key: "description", Value: m.Description},
		{Key: "tags", Value: stringList(m.Tags)},
		{Key: "deprecated", Value: m.Deprecated},
		{Key: "semver", Value: optString(m.Semver)},
		{Key: "vcs_revision", Value: optString(m.VCSRevision)},
		{Key: "vcs_tag", Value: optString(m.VCSTag)},
		{Key: "vcs_url", Value: optString(m.VCSURL)},
		{Key: "changelog", Value: m.Changelog},
		{Key: "published_by", Value: m.PublishedBy},
		{Key: "published_at_epoch_ms", Value: m.PublishedAtEpochMS},
	}
}

// Object is the method descriptor as a JSON object, keys in file order.
func (m *Method) Object() pyjson.Object {
	return pyjson.Object{
		{Key: "name", Value: m.Name},
		{Key: "pattern", Value: m.Pattern},
		{Key: "request_type", Value: m.RequestType},
		{Key: "response_type", Value: m.ResponseType},
		{Key: "request_wire_tag", Value: m.RequestWireTag},
		{Key: "response_wire_tag", Value: m.ResponseWireTag},
		{Key: "timeout", Value: m.Timeout},
		{Key: "idempotent", Value: m.Idempotent},
		{Key: "fields", Value: fieldList(m.Fields)},
		{Key: "response_fields", Value: fieldList(m.ResponseFields)},
		{Key: "request_style", Value: m.RequestStyle},
		{Key: "inline_params", Value: fieldList(m.InlineParams)},
		{Key: "description", Value: m.Description},
		{Key: "tags", Value: stringList(m.Tags)},
		{Key: "deprecated", Value: m.Deprecated},
	}
}

// Object is the field descriptor as a JSON object, keys in file order,
// the optional keys only when set.
func (f *Field) Object() pyjson.Object {
	// Sized for the optional keys that are set: a manifest has many
	// fields, most with few of them.
	n := 9
	for _, p := range [...]*string{f.RefName, f.WireTag, f.ItemKind, f.ItemRef, f.ItemWireTag, f.KeyKind, f.ValueKind, f.ValueRef} {
		if p != nil {
			n++
		}
	}
	if f.EnumValues != nil {
		n++
	}
	if f.ItemNullable != nil {
		n++
	}
	if f.ValueNullable != nil {
		n++
	}
	obj := make(pyjson.Object, 0, n)
	obj = append(obj, pyjson.Object{
		{Key: "name", Value: f.Name},
		{Key: "kind", Value: f.Kind},
		{Key: "nullable", Value: f.Nullable},
		{Key: "required", Value: f.Required},
		{Key: "default_value", Value: f.DefaultValue},
		{Key: "default_kind", Value: f.DefaultKind},
		{Key: "description", Value: f.Description},
		{Key: "tags", Value: stringList(f.Tags)},
	}...)
	addString := func(key string, s *string) {
		if s != nil {
			obj = append(obj, pyjson.Member{Key: key, Value: *s})
		}
	}
	addBool := func(key string, b *bool) {
		if b != nil {
			obj = append(obj, pyjson.Member{Key: key, Value: *b})
		}
	}
	addString("ref_name", f.RefName)
	addString("wire_tag", f.WireTag)
	if f.EnumValues != nil {
		obj = append(obj, pyjson.Member{Key: "enum_values", Value: f.EnumValues})
	}
	addString("item_kind", f.ItemKind)
	addString("item_ref", f.ItemRef)
	addString("item_wire_tag", f.ItemWireTag)
	addBool("item_nullable", f.ItemNullable)
	addString("key_kind", f.KeyKind)
	addString("value_kind", f.ValueKind)
	addString("value_ref", f.ValueRef)
	addBool("value_nullable", f.ValueNullable)
	props := f.Properties
	if props == nil {
		props = pyjson.Object{}
	}
	return append(obj, pyjson.Member{Key: "properties", Value: props})
}

// fieldList is the JSON array of the fields' objects.
func fieldList(fields []Field) []any {
	return objectList(fields, (*Field).Object)
}

// objectList is a JSON array of the objects that object makes of items.
func objectList[T any](items []T, object func(*T) pyjson.Object) []any {
	out := make([]any, len(items))
	for i := range items {
		out[i] = object(&items[i])
	}
	return out
}

// stringList is a string list as a JSON array; nil is written as [].
func stringList(s []string) []any {
	items := make([]any, len(s))
	for i, v := range s {
		items[i] = v
	}
	return items
}

func optString(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}
