package manifest

import (
	"bytes"
	"errors"
	"io"

	"github.com/asterkit/aster/internal/pyjson"
)

// layout is json.dumps(indent=2) with ASCII escaping, the manifest's form.
var layout = pyjson.Options{Indent: 2, ASCII: true}

// Text is the text of a manifest file as the reference writes it: an
// object for a single entry, else an array, indented by 2, ASCII only, no
// trailing newline. It is written as it is read: the entries go through
// pyjson.Writer value by value, so that their JSON values never exist, in
// parallel (Writer.Items), and a large manifest goes to its file, or is
// compared with one, without ever being held whole.
type Text struct{ f File }

// TextOf returns the text of f.
func TextOf(f File) Text { return Text{f} }

// WriteTo writes the text to dst as it is encoded; an encoding error
// stops it, with part of the text written.
func (t Text) WriteTo(dst io.Writer) (int64, error) {
	w := pyjson.NewStream(layout, dst)
	t.encode(w)
	err := w.Flush()
	return int64(w.Size()), err
}

// encode writes the file to w.
func (t Text) encode(w *pyjson.Writer) {
	if !t.f.Array && len(t.f.Entries) == 1 {
		t.f.Entries[0].encode(w)
		return
	}
	w.BeginArray()
	w.Items(len(t.f.Entries), func(w *pyjson.Writer, i int) { t.f.Entries[i].encode(w) })
	w.EndArray()
}

// Bytes returns the text in one slice.
func (t Text) Bytes() ([]byte, error) {
	w := pyjson.NewWriter(layout)
	t.encode(w)
	return w.Bytes()
}

// Equal reports whether the text is exactly data, encoding it only as
// far as the first difference (so an encoding error past it is not
// reported).
func (t Text) Equal(data []byte) (bool, error) {
	c := &comparison{rest: data}
	_, err := t.WriteTo(c)
	if err == errDiffers {
		return false, nil
	}
	return err == nil && len(c.rest) == 0, err
}

// comparison is a writer that checks that what is written to it is the
// start of rest, and takes it off.
type comparison struct{ rest []byte }

// errDiffers ends a comparison at the first difference.
var errDiffers = errors.New("the texts differ")

func (c *comparison) Write(p []byte) (int, error) {
	if !bytes.HasPrefix(c.rest, p) {
		return 0, errDiffers
	}
	c.rest = c.rest[len(p):]
	return len(p), nil
}

// Object is the entry as a JSON object, keys in file order.
func (m *Manifest) Object() pyjson.Object { return build(m.encode) }

// Object is the method descriptor as a JSON object, keys in file order.
func (m *Method) Object() pyjson.Object { return build(m.encode) }

// Object is the field descriptor as a JSON object, keys in file order,
// the optional keys only when set.
func (f *Field) Object() pyjson.Object { return build(f.encode) }

// build returns the object encode gives.
func build(encode func(pyjson.Encoder)) pyjson.Object {
	var b pyjson.Builder
	encode(&b)
	return b.Result().(pyjson.Object)
}

// encode gives the entry's members in file order.
func (m *Manifest) encode(e pyjson.Encoder) {
	e.BeginObject()
	intMember(e, "v", m.V)
	stringMember(e, "service", m.Service)
	intMember(e, "version", m.Version)
	stringMember(e, "contract_id", m.ContractID)
	stringMember(e, "canonical_encoding", m.CanonicalEncoding)
	intMember(e, "type_count", m.TypeCount)
	stringsMember(e, "type_hashes", m.TypeHashes)
	intMember(e, "method_count", m.MethodCount)
	e.Key("methods")
	e.BeginArray()
	for i := range m.Methods {
		m.Methods[i].encode(e)
	}
	e.EndArray()
	stringsMember(e, "serialization_modes", m.SerializationModes)
	stringMember(e, "producer_language", m.ProducerLanguage)
	stringMember(e, "scoped", m.Scoped)
	stringMember(e, "description", m.Description)
	stringsMember(e, "tags", m.Tags)
	boolMember(e, "deprecated", m.Deprecated)
	optStringMember(e, "semver", m.Semver)
	optStringMember(e, "vcs_revision", m.VCSRevision)
	optStringMember(e, "vcs_tag", m.VCSTag)
	optStringMember(e, "vcs_url", m.VCSURL)
	e.Key("changelog")
	e.Value(m.Changelog)
	stringMember(e, "published_by", m.PublishedBy)
	intMember(e, "published_at_epoch_ms", m.PublishedAtEpochMS)
	e.EndObject()
}

// encode gives the method descriptor's members in file order.
func (m *Method) encode(e pyjson.Encoder) {
	e.BeginObject()
	stringMember(e, "name", m.Name)
	stringMember(e, "pattern", m.Pattern)
	stringMember(e, "request_type", m.RequestType)
	stringMember(e, "response_type", m.ResponseType)
	stringMember(e, "request_wire_tag", m.RequestWireTag)
	stringMember(e, "response_wire_tag", m.ResponseWireTag)
	e.Key("timeout")
	e.Value(m.Timeout)
	boolMember(e, "idempotent", m.Idempotent)
	fieldsMember(e, "fields", m.Fields)
	fieldsMember(e, "response_fields", m.ResponseFields)
	stringMember(e, "request_style", m.RequestStyle)
	fieldsMember(e, "inline_params", m.InlineParams)
	stringMember(e, "description", m.Description)
	stringsMember(e, "tags", m.Tags)
	boolMember(e, "deprecated", m.Deprecated)
	e.EndObject()
}

// encode gives the field descriptor's members in file order, the
// optional ones only when set; Properties nil is written as {}.
func (f *Field) encode(e pyjson.Encoder) {
	e.BeginObject()
	stringMember(e, "name", f.Name)
	stringMember(e, "kind", f.Kind)
	boolMember(e, "nullable", f.Nullable)
	boolMember(e, "required", f.Required)
	e.Key("default_value")
	e.Value(f.DefaultValue)
	stringMember(e, "default_kind", f.DefaultKind)
	stringMember(e, "description", f.Description)
	stringsMember(e, "tags", f.Tags)
	setStringMember(e, "ref_name", f.RefName)
	setStringMember(e, "wire_tag", f.WireTag)
	if f.EnumValues != nil {
		e.Key("enum_values")
		e.Value(f.EnumValues)
	}
	setStringMember(e, "item_kind", f.ItemKind)
	setStringMember(e, "item_ref", f.ItemRef)
	setStringMember(e, "item_wire_tag", f.ItemWireTag)
	setBoolMember(e, "item_nullable", f.ItemNullable)
	setStringMember(e, "key_kind", f.KeyKind)
	setStringMember(e, "value_kind", f.ValueKind)
	setStringMember(e, "value_ref", f.ValueRef)
	setBoolMember(e, "value_nullable", f.ValueNullable)
	e.Key("properties")
	if f.Properties == nil {
		e.BeginObject()
		e.EndObject()
	} else {
		e.Value(f.Properties)
	}
	e.EndObject()
}

func stringMember(e pyjson.Encoder, key, s string) {
	e.Key(key)
	e.String(s)
}

func intMember(e pyjson.Encoder, key string, i int64) {
	e.Key(key)
	e.Int(i)
}

func boolMember(e pyjson.Encoder, key string, b bool) {
	e.Key(key)
	e.Bool(b)
}

// stringsMember writes a string list; nil is written as [].
func stringsMember(e pyjson.Encoder, key string, list []string) {
	e.Key(key)
	e.BeginArray()
	for _, s := range list {
		e.String(s)
	}
	e.EndArray()
}

// optStringMember writes a string, or null for nil.
func optStringMember(e pyjson.Encoder, key string, s *string) {
	e.Key(key)
	if s == nil {
		e.Null()
	} else {
		e.String(*s)
	}
}

// setStringMember writes a string member only when s is set.
func setStringMember(e pyjson.Encoder, key string, s *string) {
	if s != nil {
		stringMember(e, key, *s)
	}
}

// setBoolMember writes a bool member only when b is set.
func setBoolMember(e pyjson.Encoder, key string, b *bool) {
	if b != nil {
		boolMember(e, key, *b)
	}
}

func fieldsMember(e pyjson.Encoder, key string, fields []Field) {
	e.Key(key)
	e.BeginArray()
	for i := range fields {
		fields[i].encode(e)
	}
	e.EndArray()
}

// stringList is a string list as a JSON array; nil is [].
func stringList(s []string) []any {
	items := make([]any, len(s))
	for i, v := range s {
		items[i] = v
	}
	return items
}

// optString is s as a JSON value: null for nil.
func optString(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}
