package python

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/asterkit/aster/analyzer/python/pyparse"
)

// notEvaluated are keyword arguments that feed nothing and are never
// evaluated, per callable.
var notEvaluated = map[string]map[string]bool{
	"aster.service":       {"interceptors": true, "max_concurrent_streams": true, "requires": true, "public": true, "metadata": true},
	"aster.rpc":           {"name": true, "serialization": true, "requires": true},
	"aster.server_stream": {"name": true, "serialization": true, "requires": true},
	"aster.client_stream": {"name": true, "serialization": true, "requires": true},
	"aster.bidi_stream":   {"name": true, "serialization": true, "requires": true},
}

// recorded are modelled callables whose calls are kept as *call values.
var recorded = map[string]bool{
	"aster.service": true, "aster.rpc": true, "aster.server_stream": true, "aster.client_stream": true,
	"aster.bidi_stream": true, "aster.wire_type": true, "aster.Metadata": true, "aster.Description": true,
	"aster.describe": true, "aster.any_of": true, "aster.all_of": true, "dataclasses.field": true,
	"dataclasses.dataclass": true, "typing.TypeVar": true, "typing.NewType": true, "enum.auto": true,
	"datetime.datetime": true, "datetime.date": true, "datetime.time": true, "datetime.timedelta": true,
	"decimal.Decimal": true, "uuid.UUID": true,
}

// methodDecorators are the aster method decorators and their patterns.
var methodDecorators = map[string]string{
	"aster.rpc": "unary", "aster.server_stream": "server_stream",
	"aster.client_stream": "client_stream", "aster.bidi_stream": "bidi_stream",
}

func (l *Loader) call(s scope, n *pyparse.Node) Value {
	fnNode := n.Child("function")
	fn := l.eval(s, fnNode)
	argsNode := n.Child("arguments")
	if argsNode == nil || argsNode.Kind() != "argument_list" {
		fail(s.mod, n, hintStatic, "this call cannot be evaluated statically")
	}
	var fname string
	switch f := fn.(type) {
	case *known:
		fname = f.name
	case *call:
		fname = f.fn
	case *class:
		fname = f.asterName
	}
	skip := notEvaluated[fname]
	c := &call{fn: fname, node: n}
	c.kwargs = c.kwarg0[:0]
	for _, a := range argsNode.NamedChildren() {
		switch a.Kind() {
		case "keyword_argument":
			name := ident(a.Child("name").Text())
			k := kwarg{name: name, node: a.Child("value")}
			if !skip[name] {
				k.v = l.evalArg(s, a.Child("value"), name == "default_factory")
			}
			c.kwargs = append(c.kwargs, k)
		case "list_splat", "dictionary_splat":
			fail(s.mod, a, hintStatic, "unpacking in a call cannot be evaluated statically")
		default:
			if len(c.kwargs) > 0 {
				fail(s.mod, a, "Put the positional arguments before the keyword arguments", "positional argument follows keyword argument")
			}
			c.args = append(c.args, l.eval(s, a))
		}
	}
	switch f := fn.(type) {
	case *known:
		if recorded[f.name] {
			return c
		}
		if v, ok := builtinCall(f.name, c); ok {
			return v
		}
	case *call:
		if _, ok := methodDecorators[f.fn]; ok {
			c.base = f
			return c
		}
	case *class:
		if recorded[f.asterName] {
			return c
		}
		return &instance{cls: f, args: c.args, kwargs: c.kwargs}
	}
	fail(s.mod, n, hintStatic, "the call %s cannot be evaluated statically", strings.TrimSpace(fnNode.Text())+"(…)")
	return nil
}

// evalArg evaluates a keyword argument's value; a factory's value is
// expected to be callable.
func (l *Loader) evalArg(s scope, n *pyparse.Node, factory bool) Value {
	saved := l.factory
	l.factory = factory
	defer func() { l.factory = saved }()
	return l.eval(s, n)
}

// builtinCall evaluates int(), float(), str() and friends on constants.
func builtinCall(name string, c *call) (Value, bool) {
	if len(c.kwargs) > 0 || len(c.args) > 1 {
		return nil, false
	}
	if len(c.args) == 0 {
		switch name {
		case "builtins.int":
			return bigInt(0), true
		case "builtins.float":
			return 0.0, true
		case "builtins.str":
			return "", true
		case "builtins.bool":
			return false, true
		case "builtins.bytes":
			return pyBytes(""), true
		case "builtins.tuple":
			return tuple{}, true
		case "builtins.frozenset":
			return frozenset{}, true
		}
		return nil, false
	}
	a := c.args[0]
	switch name {
	case "builtins.float":
		switch x := a.(type) {
		case string:
			return parseFloatString(x)
		default:
			f, ok := asFloat(x)
			return f, ok
		}
	case "builtins.int":
		switch x := a.(type) {
		case *big.Int:
			return x, true
		case bool:
			i, _ := asInt(x)
			return i, true
		case float64:
			if math.IsInf(x, 0) || math.IsNaN(x) {
				return nil, false
			}
			i, _ := big.NewFloat(math.Trunc(x)).Int(nil)
			return i, true
		case string:
			i, ok := new(big.Int).SetString(strings.ReplaceAll(strings.TrimSpace(x), "_", ""), 10)
			return i, ok
		}
	case "builtins.str":
		return pyStr(a)
	case "builtins.tuple":
		switch x := a.(type) {
		case tuple:
			return x, true
		case list:
			return tuple(x), true
		}
	}
	return nil, false
}

// frozenset is a frozenset value (only the empty one is rendered).
type frozenset []Value

func parseFloatString(s string) (Value, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	sign := 1.0
	if strings.HasPrefix(t, "-") {
		sign, t = -1, t[1:]
	} else if strings.HasPrefix(t, "+") {
		t = t[1:]
	}
	switch t {
	case "inf", "infinity":
		return sign * math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	if t == "" || strings.ContainsAny(t, "xpn") {
		return nil, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
	if err != nil && !math.IsInf(f, 0) {
		return nil, false
	}
	return sign * f, true
}
