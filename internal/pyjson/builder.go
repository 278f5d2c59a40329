package pyjson

// Builder is an Encoder that builds the document as the values Marshal
// takes: objects as Object, arrays as []any, integers as int64.
type Builder struct {
	// open are the objects and arrays not yet closed, innermost last.
	open []frame
	// result is the document once its outermost value is complete.
	result any
}

// frame is an open object (obj) or array (items).
type frame struct {
	isObject bool
	obj      Object
	key      string
	items    []any
}

// Result returns the document built.
func (b *Builder) Result() any { return b.result }

// add places a complete value in the innermost open object or array, or
// as the document.
func (b *Builder) add(v any) {
	if len(b.open) == 0 {
		b.result = v
		return
	}
	f := &b.open[len(b.open)-1]
	if f.isObject {
		f.obj = append(f.obj, Member{f.key, v})
	} else {
		f.items = append(f.items, v)
	}
}

// BeginObject implements Encoder.
func (b *Builder) BeginObject() { b.open = append(b.open, frame{isObject: true, obj: Object{}}) }

// Key implements Encoder.
func (b *Builder) Key(k string) { b.open[len(b.open)-1].key = k }

// EndObject implements Encoder.
func (b *Builder) EndObject() { b.add(b.pop().obj) }

// BeginArray implements Encoder.
func (b *Builder) BeginArray() { b.open = append(b.open, frame{items: []any{}}) }

// EndArray implements Encoder.
func (b *Builder) EndArray() { b.add(b.pop().items) }

func (b *Builder) pop() frame {
	f := b.open[len(b.open)-1]
	b.open = b.open[:len(b.open)-1]
	return f
}

// String implements Encoder.
func (b *Builder) String(s string) { b.add(s) }

// Int implements Encoder.
func (b *Builder) Int(i int64) { b.add(i) }

// Bool implements Encoder.
func (b *Builder) Bool(v bool) { b.add(v) }

// Null implements Encoder.
func (b *Builder) Null() { b.add(nil) }

// Value implements Encoder.
func (b *Builder) Value(v any) { b.add(v) }
