package manifest

import (
	"github.com/asterkit/aster/internal/pyjson"
)

// layout is json.dumps(indent=2) with ASCII escaping, the manifest's form.
var layout = pyjson.Options{Indent: 2, ASCII: true}

// Marshal writes f as the reference writes a manifest: an object for a
// single entry, else an array, indented by 2, ASCII only, no trailing
// newline. The entries are written member by member (pyjson.ObjectWriter),
// so that their JSON values never all exist at once.
func Marshal(f File) ([]byte, error) {
	if !f.Array && len(f.Entries) == 1 {
		return pyjson.Marshal((*entryWriter)(&f.Entries[0]), layout)
	}
	return pyjson.MarshalArray(len(f.Entries), func(i int) any { return (*entryWriter)(&f.Entries[i]) }, layout)
}

// entryWriter, methodWriter and fieldWriter write an entry, a method and a
// field as Marshal does: the objects inside them are writers too.
type (
	entryWriter  Manifest
	methodWriter Method
	fieldWriter  Field
)

func (w *entryWriter) JSONMembers(add func(string, any))  { (*Manifest)(w).members(add, true) }
func (w *methodWriter) JSONMembers(add func(string, any)) { (*Method)(w).members(add, true) }
func (w *fieldWriter) JSONMembers(add func(string, any))  { (*Field)(w).members(add) }

// Object is the entry as a JSON object, keys in file order.
func (m *Manifest) Object() pyjson.Object {
	return pyjson.Collect(func(add func(string, any)) { m.members(add, false) })
}

// members passes the entry's members to add in file order; with lazy
// set, the objects inside it are writers.
func (m *Manifest) members(add func(string, any), lazy bool) {
	add("v", m.V)
	add("service", m.Service)
	add("version", m.Version)
	add("contract_id", m.ContractID)
	add("canonical_encoding", m.CanonicalEncoding)
	add("type_count", m.TypeCount)
	add("type_hashes", stringList(m.TypeHashes))
	add("method_count", m.MethodCount)
	methods := make([]any, len(m.Methods))
	for i := range m.Methods {
		if lazy {
			methods[i] = (*methodWriter)(&m.Methods[i])
		} else {
			methods[i] = m.Methods[i].Object()
		}
	}
	add("methods", methods)
	add("serialization_modes", stringList(m.SerializationModes))
	add("producer_language", m.ProducerLanguage)
	add("scoped", m.Scoped)
	add("description", m.Description)
	add("tags", stringList(m.Tags))
	add("deprecated", m.Deprecated)
	add("semver", optString(m.Semver))
	add("vcs_revision", optString(m.VCSRevision))
	add("vcs_tag", optString(m.VCSTag))
	add("vcs_url", optString(m.VCSURL))
	add("changelog", m.Changelog)
	add("published_by", m.PublishedBy)
	add("published_at_epoch_ms", m.PublishedAtEpochMS)
}

// Object is the method descriptor as a JSON object, keys in file order.
func (m *Method) Object() pyjson.Object {
	return pyjson.Collect(func(add func(string, any)) { m.members(add, false) })
}

func (m *Method) members(add func(string, any), lazy bool) {
	add("name", m.Name)
	add("pattern", m.Pattern)
	add("request_type", m.RequestType)
	add("response_type", m.ResponseType)
	add("request_wire_tag", m.RequestWireTag)
	add("response_wire_tag", m.ResponseWireTag)
	add("timeout", m.Timeout)
	add("idempotent", m.Idempotent)
	add("fields", fieldList(m.Fields, lazy))
	add("response_fields", fieldList(m.ResponseFields, lazy))
	add("request_style", m.RequestStyle)
	add("inline_params", fieldList(m.InlineParams, lazy))
	add("description", m.Description)
	add("tags", stringList(m.Tags))
	add("deprecated", m.Deprecated)
}

// Object is the field descriptor as a JSON object, keys in file order,
// the optional keys only when set.
func (f *Field) Object() pyjson.Object { return pyjson.Collect(f.members) }

func (f *Field) members(add func(string, any)) {
	add("name", f.Name)
	add("kind", f.Kind)
	add("nullable", f.Nullable)
	add("required", f.Required)
	add("default_value", f.DefaultValue)
	add("default_kind", f.DefaultKind)
	add("description", f.Description)
	add("tags", stringList(f.Tags))
	addString := func(key string, s *string) {
		if s != nil {
			add(key, *s)
		}
	}
	addBool := func(key string, b *bool) {
		if b != nil {
			add(key, *b)
		}
	}
	addString("ref_name", f.RefName)
	addString("wire_tag", f.WireTag)
	if f.EnumValues != nil {
		add("enum_values", f.EnumValues)
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
	add("properties", props)
}

// fieldList is the JSON array of the fields' objects (writers if lazy).
func fieldList(fields []Field, lazy bool) []any {
	out := make([]any, len(fields))
	for i := range fields {
		if lazy {
			out[i] = (*fieldWriter)(&fields[i])
		} else {
			out[i] = fields[i].Object()
		}
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
