package pystdlib

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
	"github.com/asterkit/aster/internal/pyjson"
)

// json: dumps and loads as CPython's json module computes them (layout,
// escaping, key conversion and sorting, the errors and JSONDecodeError's
// message), written and read by pyjson. A custom encoder or decoder class,
// the decoding hooks and file I/O give unknown values.
func init() {
	models["json"] = &model{src: jsonSrc, pkg: true, helpers: func(*Host) map[string]pyrt.Value {
		return map[string]pyrt.Value{
			"encode":  pyrt.NewBuiltin("encode", jsonEncode),
			"decode":  pyrt.NewBuiltin("decode", jsonDecode),
			"unknown": &pyrt.Unknown{Why: "this use of json is not modelled"},
		}
	}}
	models["json.decoder"] = &model{src: "from json import JSONDecodeError, JSONDecoder\n"}
	models["json.encoder"] = &model{src: "from json import JSONEncoder\n"}
}

const jsonSrc = `
from _host_json import encode as _encode, decode as _decode, unknown as _unknown

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']

JSONDecoder = JSONEncoder = dump = load = _unknown

class JSONDecodeError(ValueError):
    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    if cls is not None or kw:
        return _unknown
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    if separators is not None:
        item_separator, key_separator = separators
    elif indent is not None:
        item_separator, key_separator = ',', ': '
    else:
        item_separator, key_separator = ', ', ': '
    return _encode(obj, skipkeys, ensure_ascii, check_circular, allow_nan,
                   indent, item_separator, key_separator, default, sort_keys)

def _detect_encoding(b):
    if b.startswith((b'\xef\xbb\xbf')):
        return 'utf-8-sig'
    if b.startswith((b'\xff\xfe', b'\xfe\xff')) or len(b) >= 4 and (not b[0] or not b[1] or not b[2] or not b[3]):
        return None
    return 'utf-8'

def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    else:
        if not isinstance(s, bytes):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        encoding = _detect_encoding(s)
        if encoding is None:
            return _unknown
        s = s.decode(encoding)
    if (cls is not None or object_hook is not None or parse_float is not None or parse_int is not None
            or parse_constant is not None or object_pairs_hook is not None or kw):
        return _unknown
    return _decode(s, JSONDecodeError)
`

// errUnknownJSON stops an encoding that meets an unknown value.
var errUnknownJSON = errors.New("unknown value")

// jsonEncode is json.dumps after its arguments are resolved: obj,
// skipkeys, ensure_ascii, check_circular, allow_nan, indent (None or a
// str), item and key separators, default and sort_keys.
func jsonEncode(th *pyrt.Thread, args []pyrt.Value, _ []pyrt.Kwarg) (pyrt.Value, error) {
	unknown := &pyrt.Unknown{Why: "json.dumps of a value that is not known statically"}
	var flags [5]bool
	for i, k := range []int{1, 2, 3, 4, 9} {
		t, err := pyrt.Truth(th, args[k])
		if err != nil {
			return nil, err
		}
		flags[i] = t
	}
	itemSep, ok1 := args[6].(pyrt.Str)
	keySep, ok2 := args[7].(pyrt.Str)
	if !ok1 || !ok2 || itemSep == "" || keySep == "" {
		// pyjson reads an empty separator as its default.
		return unknown, nil
	}
	c := &jsonEncoder{th: th, skipKeys: flags[0], ascii: flags[1], circular: flags[2], allowNaN: flags[3],
		sortKeys: flags[4], def: args[8], active: map[pyrt.Value]bool{}}
	o := pyjson.Options{Indent: -1, ItemSep: string(itemSep), KeySep: string(keySep), ASCII: c.ascii}
	switch ind := args[5].(type) {
	case pyrt.NoneType:
	case pyrt.Str:
		o.Indent, o.IndentText, c.indented = 0, string(ind), true
	default:
		return unknown, nil
	}
	v, err := c.value(args[0])
	if err == errUnknownJSON {
		return unknown, nil
	}
	if err != nil {
		return nil, err
	}
	out, err := pyjson.Marshal(v, o)
	if err != nil {
		return nil, err
	}
	return pyrt.Str(out), nil
}

// jsonEncoder turns Python values into pyjson's, as CPython's encoder
// classifies them.
type jsonEncoder struct {
	th                                            *pyrt.Thread
	skipKeys, ascii, circular, allowNaN, sortKeys bool
	indented                                      bool
	def                                           pyrt.Value
	// active are the containers being encoded (check_circular).
	active map[pyrt.Value]bool
}

// payload is the builtin value of an instance of a subclass of str, int,
// float, list or tuple, else v.
func payload(v pyrt.Value) pyrt.Value {
	if in, ok := v.(*pyrt.Instance); ok && in.Payload != nil {
		for _, c := range []*pyrt.Class{pyrt.StrClass, pyrt.IntClass, pyrt.FloatClass, pyrt.ListClass, pyrt.TupleClass} {
			if in.Class.IsSubclass(c) {
				return in.Payload
			}
		}
	}
	return v
}

func (c *jsonEncoder) value(v pyrt.Value) (any, error) {
	switch x := payload(v).(type) {
	case pyrt.NoneType:
		return nil, nil
	case pyrt.Bool:
		return bool(x), nil
	case pyrt.Str:
		if !c.ascii && hasSurrogate(string(x)) {
			// Written raw by CPython, which pyjson cannot do.
			return nil, errUnknownJSON
		}
		return string(x), nil
	case pyrt.Int:
		if n, ok := x.Int64(); ok {
			return n, nil
		}
		return x.Big(), nil
	case pyrt.Float:
		return c.float(float64(x))
	case pyrt.Tuple:
		return c.items(x)
	case *pyrt.List:
		if err := c.enter(x); err != nil {
			return nil, err
		}
		defer delete(c.active, x)
		return c.items(x.Elems)
	case *pyrt.Dict:
		if err := c.enter(x); err != nil {
			return nil, err
		}
		defer delete(c.active, x)
		return c.dict(x)
	case *pyrt.Unknown:
		return nil, errUnknownJSON
	}
	if c.def == pyrt.None {
		return nil, pyrt.NewException(pyrt.TypeErrorClass, pyrt.Str("Object of type "+pyrt.TypeName(v)+" is not JSON serializable"))
	}
	if err := c.enter(v); err != nil {
		return nil, err
	}
	defer delete(c.active, v)
	r, err := c.th.Call(c.def, []pyrt.Value{v}, nil)
	if err != nil {
		return nil, err
	}
	return c.value(r)
}

// enter marks a container as being encoded.
func (c *jsonEncoder) enter(v pyrt.Value) error {
	if !c.circular {
		return nil
	}
	if c.active[v] {
		return pyrt.NewException(pyrt.ValueErrorClass, pyrt.Str("Circular reference detected"))
	}
	c.active[v] = true
	return nil
}

func (c *jsonEncoder) float(f float64) (any, error) {
	if !c.allowNaN && (f != f || f > 1.7976931348623157e308 || f < -1.7976931348623157e308) {
		msg := "Out of range float values are not JSON compliant"
		if c.indented {
			// CPython's Python encoder (used with indent) names the value.
			msg += ": " + pyjson.FloatRepr(f)
		}
		return nil, pyrt.NewException(pyrt.ValueErrorClass, pyrt.Str(msg))
	}
	return f, nil
}

func (c *jsonEncoder) items(elems []pyrt.Value) (any, error) {
	out := make([]any, len(elems))
	for i, e := range elems {
		v, err := c.value(e)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// dict converts the keys as CPython does (str as is, float by repr, the
// constants by name, int by int's repr), after sorting the items when
// sort_keys is set.
func (c *jsonEncoder) dict(d *pyrt.Dict) (any, error) {
	items := d.Items()
	if c.sortKeys {
		pairs := make([]pyrt.Value, len(items))
		for i, kv := range items {
			pairs[i] = pyrt.Tuple{kv[0], kv[1]}
		}
		sorted, _ := pyrt.Builtins().Get("sorted")
		r, err := c.th.Call(sorted, []pyrt.Value{pyrt.NewList(pairs)}, nil)
		if err != nil {
			return nil, err
		}
		for i, p := range r.(*pyrt.List).Elems {
			t := p.(pyrt.Tuple)
			items[i] = [2]pyrt.Value{t[0], t[1]}
		}
	}
	obj := make(pyjson.Object, 0, len(items))
	for _, kv := range items {
		var key string
		switch k := payload(kv[0]).(type) {
		case pyrt.Str:
			if !c.ascii && hasSurrogate(string(k)) {
				return nil, errUnknownJSON
			}
			key = string(k)
		case pyrt.Float:
			if _, err := c.float(float64(k)); err != nil {
				return nil, err
			}
			f := float64(k)
			switch {
			case f != f:
				key = "NaN"
			case f > 1.7976931348623157e308:
				key = "Infinity"
			case f < -1.7976931348623157e308:
				key = "-Infinity"
			default:
				key = pyjson.FloatRepr(f)
			}
		case pyrt.Bool:
			key = "false"
			if k {
				key = "true"
			}
		case pyrt.NoneType:
			key = "null"
		case pyrt.Int:
			key = k.String()
		case *pyrt.Unknown:
			return nil, errUnknownJSON
		default:
			if c.skipKeys {
				continue
			}
			return nil, pyrt.NewException(pyrt.TypeErrorClass, pyrt.Str("keys must be str, int, float, bool or None, not "+pyrt.TypeName(kv[0])))
		}
		v, err := c.value(kv[1])
		if err != nil {
			return nil, err
		}
		obj = append(obj, pyjson.Member{Key: key, Value: v})
	}
	return obj, nil
}

// hasSurrogate reports whether s holds a lone surrogate (its three-byte
// form, as pyrt stores it).
func hasSurrogate(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xed && s[i+1] >= 0xa0 {
			return true
		}
	}
	return false
}

// jsonDecodeMessages are CPython's words for each kind of bad input.
var jsonDecodeMessages = map[pyjson.ErrorKind]string{
	pyjson.KindValue:         "Expecting value",
	pyjson.KindPropertyName:  "Expecting property name enclosed in double quotes",
	pyjson.KindColon:         "Expecting ':' delimiter",
	pyjson.KindComma:         "Expecting ',' delimiter",
	pyjson.KindUnterminated:  "Unterminated string starting at",
	pyjson.KindControl:       "Invalid control character at",
	pyjson.KindEscape:        "Invalid \\escape",
	pyjson.KindUnicodeEscape: "Invalid \\uXXXX escape",
	pyjson.KindExtraData:     "Extra data",
}

// jsonDecode is json.loads of a str: the value, or the error class (the
// module's JSONDecodeError) raised with CPython's message and position.
func jsonDecode(th *pyrt.Thread, args []pyrt.Value, _ []pyrt.Kwarg) (pyrt.Value, error) {
	s, ok := args[0].(pyrt.Str)
	if !ok {
		return &pyrt.Unknown{Why: "json.loads of a value that is not known statically"}, nil
	}
	v, err := pyjson.Unmarshal([]byte(s))
	var se *pyjson.SyntaxError
	if errors.As(err, &se) {
		if se.Kind == pyjson.KindIntDigits {
			digits := strings.TrimPrefix(string(s[se.Offset:]), "-")
			n := len(digits) - len(strings.TrimLeft(digits, "0123456789"))
			return nil, pyrt.NewException(pyrt.ValueErrorClass, pyrt.Str(fmt.Sprintf("Exceeds the limit (4300 digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", n)))
		}
		msg, known := jsonDecodeMessages[se.Kind]
		if !known {
			return &pyrt.Unknown{Why: "json.loads: " + se.Msg}, nil
		}
		off := se.Offset
		if se.Kind == pyjson.KindUnicodeEscape {
			off++ // CPython points at the u
		}
		pos, err := pyrt.Len(th, s[:off])
		if err != nil {
			return nil, err
		}
		e, err := th.Call(args[1], []pyrt.Value{pyrt.Str(msg), s, pyrt.MakeInt(int64(pos))}, nil)
		if err != nil {
			return nil, err
		}
		return nil, &pyrt.Exception{Value: e.(*pyrt.Instance)}
	}
	if err != nil {
		return nil, err
	}
	return jsonValue(th, v)
}

// jsonValue is the Python value of a decoded JSON value.
func jsonValue(th *pyrt.Thread, v any) (pyrt.Value, error) {
	switch x := v.(type) {
	case nil:
		return pyrt.None, nil
	case bool:
		return pyrt.Bool(x), nil
	case string:
		return pyrt.Str(x), nil
	case int64:
		return pyrt.MakeInt(x), nil
	case *big.Int:
		return pyrt.MakeBigInt(x), nil
	case float64:
		return pyrt.Float(x), nil
	case []any:
		elems := make([]pyrt.Value, len(x))
		for i, e := range x {
			ev, err := jsonValue(th, e)
			if err != nil {
				return nil, err
			}
			elems[i] = ev
		}
		return pyrt.NewList(elems), nil
	case pyjson.Object:
		d := pyrt.NewDict()
		for _, m := range x {
			mv, err := jsonValue(th, m.Value)
			if err != nil {
				return nil, err
			}
			if err := d.SetItem(th, pyrt.Str(m.Key), mv); err != nil {
				return nil, err
			}
		}
		return d, nil
	}
	return nil, fmt.Errorf("json: unexpected decoded value %T", v)
}
