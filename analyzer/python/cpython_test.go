package python

import (
	"encoding/hex"
	"encoding/json"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/pyjson"
)

// cpythonCases asks the local CPython for repr() and literal decoding of
// random values; the test is skipped without python3.
const cpythonCases = `
import ast, json, random, struct, warnings
warnings.simplefilter("ignore")
random.seed(7)
out = []
for i in range(2000):
    f = struct.unpack('d', struct.pack('Q', random.getrandbits(64)))[0]
    if f == f:
        out.append(["float", f.hex(), repr(f)])
chars = [chr(c) for c in list(range(0, 0x300)) + [0x2028, 0x200b, 0xfeff, 0x1F600, 0xE000, 0x10FFFF, 0x378, 0x3000]]
for i in range(2000):
    s = ''.join(random.choice(chars + ["'", '"', "\\\\"]) for _ in range(random.randint(0, 6)))
    out.append(["str", s, repr(s)])
for i in range(500):
    b = bytes(random.choice([0, 9, 10, 13, 39, 34, 92, 65, 127, 128, 255, 31]) for _ in range(random.randint(0, 6)))
    out.append(["bytes", b.hex(), repr(b)])
pieces = ["a", "\\\\", "\\'", '\\"', "\\n", "\\t", "\\a", "\\v", "\\0", "\\12", "\\777", "\\x41", "\\xff", "\\u00e9", "\\U0001F600", "\\N{BULLET}", "\\q", "\\\n", "\\8"]
for i in range(2000):
    body = ''.join(random.choice(pieces) for _ in range(random.randint(0, 5)))
    for prefix in ["", "b"]:
        try:
            v = ast.literal_eval(prefix + "'" + body + "'")
        except Exception:
            continue
        if isinstance(v, str):
            v = v.encode('utf-8', 'surrogatepass')
        out.append(["lit" + prefix, body, v.hex()])
print(json.dumps(out))
`

// TestMatchesCPython compares float/str/bytes repr and escape decoding
// with the local CPython.
func TestMatchesCPython(t *testing.T) {
	var cases [][3]string
	runCPython(t, cpythonCases, &cases)
	bad := 0
	for _, c := range cases {
		var got, want string = "", c[2]
		switch c[0] {
		case "float":
			f, err := strconv.ParseFloat(c[1], 64)
			if err != nil {
				t.Fatal(err)
			}
			got = pyjson.FloatRepr(f)
		case "str":
			got = pyjson.StrRepr(c[1])
		case "bytes":
			b, _ := hex.DecodeString(c[1])
			got = bytesRepr(string(b))
		case "lit", "litb":
			var s string
			if err := try(func() { s = decodeEscapes(&module{file: "x"}, nil, c[1], c[0] == "litb") }); err != nil {
				got = err.Error()
			} else {
				got = hex.EncodeToString([]byte(s))
			}
		}
		if got != want {
			if bad++; bad <= 10 {
				t.Errorf("%s %q: got %s, want %s", c[0], c[1], got, want)
			}
		}
	}
	if len(cases) < 5000 {
		t.Errorf("only %d cases", len(cases))
	}
}

// cpythonExprs writes a module of random constant expressions and
// CPython's repr of each value (None where CPython raises).
const cpythonExprs = `
import json, random
random.seed(11)
atoms = ["0", "1", "7", "-3", "2**64", "0x1F", "0o17", "0b101", "1_000", "2.5", "0.1", "1e300", "-0.0", "3.0",
         "True", "False", "float('inf')", "float('-inf')", "int('12')", "float('1.5')", "A", "B"]
strs = ["'ab'", "'c'", "str(3)", "'\\\\n'", "f'{A}-{B}'", "'x' 'y'"]
ops = ["+", "-", "*", "/", "//", "%"]
def gen(d):
    if d == 0 or random.random() < 0.3:
        return random.choice(atoms)
    r = random.random()
    if r < 0.15:
        return "-(" + gen(d - 1) + ")"
    if r < 0.25:
        return "(" + gen(d - 1) + " ** " + random.choice(["0", "2", "3", "-1"]) + ")"
    if r < 0.35:
        return "(" + random.choice(strs) + " + " + random.choice(strs) + ")"
    return "(" + gen(d - 1) + " " + random.choice(ops) + " " + gen(d - 1) + ")"
head = "A = 5\nB = 2.0\n"
exprs = [gen(3) for _ in range(2000)]
want = []
for e in exprs:
    try:
        want.append(repr(eval(e, {"A": 5, "B": 2.0})))
    except Exception:
        want.append(None)
src = head + "".join("E%d = %s\n" % (i, e) for i, e in enumerate(exprs))
print(json.dumps({"src": src, "want": want}))
`

// TestConstantsMatchCPython evaluates random constant expressions and
// compares them with CPython: equal values, or an error from us where
// CPython fails. Expressions we refuse (float **, str * int, …) are
// allowed to differ.
func TestConstantsMatchCPython(t *testing.T) {
	var d struct {
		Src  string
		Want []*string
	}
	runCPython(t, cpythonExprs, &d)
	l, m := loadSource(t, d.Src)
	bad, compared := 0, 0
	for i, want := range d.Want {
		v, _ := m.ns.lookup("E"+strconv.Itoa(i), final)
		if _, failed := v.(*failed); failed {
			continue
		}
		got, ok := l.pyRepr(v)
		switch {
		case want == nil && ok:
			t.Errorf("E%d: CPython fails, we give %s", i, got)
			bad++
		case want != nil && got != *want:
			t.Errorf("E%d: got %s, want %s", i, got, *want)
			bad++
		default:
			compared++
		}
		if bad > 10 {
			t.FailNow()
		}
	}
	if compared < 1000 {
		t.Errorf("only %d expressions compared", compared)
	}
}

// TestPascalMatchesCPython checks the Mode 2 class name of random method
// names against the reference's rule run by CPython.
func TestPascalMatchesCPython(t *testing.T) {
	const script = `
import json, random
random.seed(5)
chars = "ab_xßŉǆﬁΐ1ẞİıσς_"
names = set()
while len(names) < 500:
    names.add(random.choice("abßǆﬁŉ_") + "".join(random.choice(chars) for _ in range(random.randint(0, 6))))
def pascal(n):
    if "_" in n:
        return "".join(p[0].upper() + p[1:] for p in n.split("_") if p)
    return n[0].upper() + n[1:]
print(json.dumps([[n, pascal(n)] for n in sorted(names)]))
`
	var cases [][2]string
	runCPython(t, script, &cases)
	for _, c := range cases {
		if got := pascal(c[0]); got != c[1] {
			t.Errorf("pascal(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestDataclassFieldsMatchCPython builds random dataclass hierarchies and
// compares dataclasses.fields (names and default kinds) and class
// creation failures with ours.
func TestDataclassFieldsMatchCPython(t *testing.T) {
	const script = `
import json, random, dataclasses
from dataclasses import dataclass, field, InitVar, KW_ONLY
from typing import ClassVar
random.seed(9)
head = "from dataclasses import dataclass, field, InitVar, KW_ONLY\nfrom typing import ClassVar\n"
ns = {"__name__": "__main__"}
exec(head, ns)
src, results, made = head, [], []
for i in range(300):
    name = "C%d" % i
    deco = random.choice(["@dataclass", "@dataclass", "@dataclass(kw_only=True)", "@dataclass()"])
    base = random.choice(made) if made and random.random() < 0.6 else None
    lines = [deco, "class %s%s:" % (name, "(%s)" % base if base else "")]
    kw_used = False
    # Some classes annotate more than 32 times (names repeat).
    for j in range(random.choice([0, 1, 2, 3, 4, 40])):
        n = random.choice(["a", "b", "c", "d", "e", "__p", "_C%d__p" % i] + ["f%d" % k for k in range(30)])
        kind = random.random()
        if kind < 0.1 and not kw_used:
            lines.append("    _: KW_ONLY")
            kw_used = True
            continue
        ann = random.choice(["int", "int", "str", "ClassVar[int]", "InitVar[int]", "'ClassVar[int]'"])
        d = random.choice(["", "", " = 1", " = field(default=2)", " = field(default_factory=list)", " = field(kw_only=True)", " = field(init=False, default=0)", " = field()", " = []"])
        if ann.startswith("ClassVar") or ann.startswith("'ClassVar"):
            d = random.choice(["", " = 1", " = {}"])
        lines.append("    %s: %s%s" % (n, ann, d))
    if len(lines) == 2:
        lines.append("    pass")
    code = "\n".join(lines) + "\n"
    try:
        exec(code, ns)
        fs = []
        for f in dataclasses.fields(ns[name]):
            if f.default is not dataclasses.MISSING:
                k = "value"
            elif f.default_factory is not dataclasses.MISSING:
                k = "factory"
            else:
                k = "none"
            fs.append(f.name + ":" + k)
        results.append({"name": name, "fields": fs})
        made.append(name)
    except Exception as e:
        results.append({"name": name, "fields": None})
    src += code
print(json.dumps({"src": src, "results": results}))
`
	var d struct {
		Src     string
		Results []struct {
			Name   string
			Fields []string
		}
	}
	runCPython(t, script, &d)
	l, m := loadSource(t, d.Src)
	bad := 0
	for _, r := range d.Results {
		c := classNamed(m, r.Name)
		var got []string
		err := try(func() {
			for _, f := range l.fields(c) {
				k := "none"
				switch {
				case f.hasDefault:
					k = "value"
				case f.factory != nil:
					k = "factory"
				}
				got = append(got, f.name+":"+k)
			}
		})
		switch {
		case r.Fields == nil && err == nil:
			t.Errorf("%s: CPython rejects the class, we give %v", r.Name, got)
			bad++
		case r.Fields != nil && err != nil:
			t.Errorf("%s: we fail (%v), CPython gives %v", r.Name, err, r.Fields)
			bad++
		case r.Fields != nil && strings.Join(got, ",") != strings.Join(r.Fields, ","):
			t.Errorf("%s: fields %v, want %v", r.Name, got, r.Fields)
			bad++
		}
		if bad > 10 {
			t.FailNow()
		}
	}
}

// TestEnumsMatchCPython builds random enums and compares the iterated
// member values (and str() of the first member) with CPython's.
func TestEnumsMatchCPython(t *testing.T) {
	const script = `
import json, random, enum
random.seed(4)
head = "import enum\nfrom enum import auto\n"
ns = {"__name__": "__main__"}
exec(head, ns)
src, results = head, []
bases = ["enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag", "str, enum.Enum", "int, enum.Enum"]
for i in range(300):
    name = "E%d" % i
    base = random.choice(bases)
    lines = ["class %s(%s):" % (name, base)]
    for j in range(random.randint(1, 5)):
        m = random.choice(["A", "B", "C", "D", "_x", "_s_", "__d__"])
        v = random.choice(["auto()", "auto()", "1", "2", "4", "5", "3", "0", "-1", "'a'", "'b'", "(1, 2)", "True", "2.5"])
        lines.append("    %s = %s" % (m, v))
    code = "\n".join(lines) + "\n"
    try:
        exec(code, ns)
        E = ns[name]
        vals = [repr(m.value) for m in E]
        first = str(list(E)[0]) if list(E) else None
        results.append({"name": name, "values": vals, "first": first})
    except Exception:
        results.append({"name": name, "values": None})
    src += code
print(json.dumps({"src": src, "results": results}))
`
	var d struct {
		Src     string
		Results []struct {
			Name   string
			Values []string
			First  *string
		}
	}
	runCPython(t, script, &d)
	l, m := loadSource(t, d.Src)
	bad := 0
	for _, r := range d.Results {
		c := classNamed(m, r.Name)
		var got []string
		var first string
		err := try(func() {
			flavour, _ := l.enumFlavour(c)
			for _, mem := range l.enumMembers(c) {
				if mem.cls == nil || (flavour == "Flag" || flavour == "IntFlag") && !singleBit(mem.value) {
					continue
				}
				s, ok := l.pyRepr(mem.value)
				if !ok {
					s = "?"
				}
				if got == nil {
					first, _ = l.pyStrValue(mem)
				}
				got = append(got, s)
			}
		})
		switch {
		case r.Values == nil:
			// CPython rejects the class; we need not.
		case err != nil:
			t.Errorf("%s: we fail (%v), CPython gives %v", r.Name, err, r.Values)
			bad++
		case strings.Join(got, ",") != strings.Join(r.Values, ","):
			t.Errorf("%s: values %v, want %v", r.Name, got, r.Values)
			bad++
		case r.First != nil && first != *r.First && !strings.Contains(*r.First, "."):
			// str() of mix-in members is the value; plain members Class.NAME.
			t.Errorf("%s: str %q, want %q", r.Name, first, *r.First)
			bad++
		}
		if bad > 10 {
			t.FailNow()
		}
	}
}

// TestFieldTypesMatchCPython maps random annotations to FieldDef shapes
// with CPython's typing introspection (typing.get_type_hints, get_origin,
// get_args and the rules of docs/python.md "How field types map") and compares ours.
func TestFieldTypesMatchCPython(t *testing.T) {
	const script = `
import json, random, typing, dataclasses, datetime, enum
from typing import *
random.seed(6)
head = """import datetime, enum
from dataclasses import dataclass
from typing import Any, Annotated, Callable, Dict, FrozenSet, Generic, List, Literal, NamedTuple, Optional, Protocol, Set, Tuple, TypedDict, TypeVar, Union
T = TypeVar("T")
@dataclass
class D:
    x: int = 0
class E(enum.Enum):
    A = 1
class Pt(NamedTuple):
    x: float
class TD(TypedDict):
    w: int
class Pr(Protocol):
    def f(self) -> int: ...
@dataclass
class Page(Generic[T]):
    items: list[T] = None
"""
ns = {"__name__": "__main__"}
exec(head, ns)
atoms = ["int", "str", "float", "bool", "bytes", "bytearray", "None", "Any", "datetime.datetime", "D", "E", "list", "dict", "List", "Dict", "Set", "FrozenSet", "Tuple",
         "T", "Pt", "TD", "Pr", "Page", "Page[D]", "Callable[[D], None]", "type[D]", "type", "Literal['a', 'b']"]
def gen(d):
    if d == 0 or random.random() < 0.35:
        return random.choice(atoms)
    r = random.randrange(11)
    x = gen(d - 1)
    if r == 0: return "list[%s]" % x
    if r == 1: return "List[%s]" % x
    if r == 2: return "set[%s]" % x
    if r == 3: return "Dict[%s, %s]" % (random.choice(["str", "int", "D"]), x)
    if r == 4: return "dict[%s, %s]" % (random.choice(["str", "int"]), x)
    if r == 5: return "Optional[%s]" % x
    if r == 6: return "Union[%s, %s]" % (x, gen(d - 1))
    if r == 7: return "Union[%s, None, %s]" % (x, gen(d - 1))
    if r == 8: return "%s | None" % x
    if r == 9: return "Annotated[%s, 'm']" % x
    return "list['%s']" % x.replace("'", "")
` + pyFieldShape + `
def kind(a):
    out = {"nullable": False}
    if typing.get_origin(a) is Union:
        args = typing.get_args(a)
        non = [x for x in args if x is not type(None)]
        if len(non) == 1 and len(args) == 2:
            out["nullable"], a = True, non[0]
    names = {str: "string", int: "int", float: "float", bool: "bool", bytes: "bytes"}
    o, args = typing.get_origin(a), typing.get_args(a)
    if a in names:
        out["kind"] = names[a]
    elif a is dict:
        out.update(kind="map", key_kind="string", value_kind="string", value_nullable=False)
    elif a is list:
        out.update(kind="list", item_kind="string", item_nullable=False)
    elif isinstance(a, type) and issubclass(a, enum.Enum):
        out.update(kind="enum", ref_name=a.__name__)
    elif o is list:
        out["kind"] = "list"
        if args:
            it = kind(args[0])
            out.update(item_kind=it["kind"], item_nullable=it["nullable"])
            if it.get("ref_name"): out["item_ref"] = it["ref_name"]
        else:
            out.update(item_kind="string", item_nullable=False)
    elif o is dict:
        out["kind"] = "map"
        if len(args) == 2:
            k, v = kind(args[0]), kind(args[1])
            out.update(key_kind=k["kind"], value_kind=v["kind"], value_nullable=v["nullable"])
            if v.get("ref_name"): out["value_ref"] = v["ref_name"]
        else:
            out.update(key_kind="string", value_kind="string", value_nullable=False)
    elif isinstance(a, type) and dataclasses.is_dataclass(a):
        out.update(kind="ref", ref_name=a.__name__, wire_tag="")
    else:
        out["kind"] = "string"
    return out
src, results = head, []
for i in range(600):
    ann = gen(3)
    code = "@dataclass\nclass T%d:\n    f: %s = None\n" % (i, ann)
    # typing caches subscriptions by equality, and X | None == Optional[X]:
    # start each annotation from empty caches.
    for clear in typing._cleanups:
        clear()
    try:
        exec(code, ns)
        hints = typing.get_type_hints(ns["T%d" % i])
        results.append({"name": "T%d" % i, "ann": ann, "shape": shape(hints["f"]), "kind": kind(hints["f"])})
        src += code
    except Exception:
        pass
print(json.dumps({"src": src, "results": results}))
`
	var d struct {
		Src     string
		Results []struct {
			Name, Ann string
			Shape     []any
			Kind      map[string]any
		}
	}
	runCPython(t, script, &d)
	l, m := loadSource(t, d.Src)
	bad := 0
	for _, r := range d.Results {
		c := classNamed(m, r.Name)
		var got []any
		err := try(func() {
			f := l.fields(c)[0]
			got = fieldShape(l.nodeField(f, l.fieldType(c, f, final)))
		})
		if err != nil {
			t.Errorf("%s (%s): %v", r.Name, r.Ann, err)
			bad++
		} else if !reflect.DeepEqual(got, r.Shape) {
			t.Errorf("%s (%s): %v, want %v", r.Name, r.Ann, got, r.Shape)
			bad++
		} else if k := descriptorKeys(l.describeFields(c)[0]); !reflect.DeepEqual(k, r.Kind) {
			t.Errorf("%s (%s): descriptor %v, want %v", r.Name, r.Ann, k, r.Kind)
			bad++
		}
		if bad > 10 {
			t.FailNow()
		}
	}
	if len(d.Results) < 300 {
		t.Errorf("only %d annotations", len(d.Results))
	}
}

// pyFieldShape is Python that maps a resolved annotation to the FieldDef
// shape [container, element, key, optional] (elements "P:<primitive>",
// "R:<class name>" or "A"), as fieldShape does for a NodeField.
const pyFieldShape = `
prims = {int: "varint64", str: "string", float: "float64", bool: "bool", bytes: "binary", bytearray: "binary"}
def el(e):
    if e is None or e is type(None): return "P:null"
    if e in prims: return "P:" + prims[e]
    if isinstance(e, type) and dataclasses.is_dataclass(e): return "R:" + e.__name__
    return "A"
def shape(a):
    opt = False
    if typing.get_origin(a) is typing.Union:
        args = typing.get_args(a)
        non = [x for x in args if x is not type(None)]
        if len(non) == 1 and len(args) == 2:
            opt, a = True, non[0]
    o, args = typing.get_origin(a), typing.get_args(a)
    if o is list: return ["LIST", el(args[0] if args else None), "", opt]
    if o in (set, frozenset): return ["SET", el(args[0] if args else None), "", opt]
    if o is dict: return ["MAP", el(args[1] if len(args) > 1 else None), el(args[0] if args else None), opt]
    return ["NONE", el(a), "", opt]
`

// fieldShape is a NodeField's shape as pyFieldShape writes it.
func fieldShape(nf contract.NodeField) []any {
	el := func(e contract.Element) string {
		switch e.Kind {
		case contract.Primitive:
			return "P:" + e.Primitive
		case contract.Ref:
			return "R:" + e.Target[strings.LastIndexByte(e.Target, '.')+1:]
		}
		return "A"
	}
	containers := map[contract.ContainerKind]string{contract.NoContainer: "NONE", contract.List: "LIST", contract.Set: "SET", contract.Map: "MAP"}
	key := ""
	if nf.Container == contract.Map {
		key = el(nf.Key)
	}
	return []any{containers[nf.Container], el(nf.Type), key, nf.Optional}
}

// descriptorKeys returns the type keys of a field descriptor as JSON
// would carry them.
func descriptorKeys(f manifest.Field) map[string]any {
	out := map[string]any{"kind": f.Kind, "nullable": f.Nullable}
	str := func(k string, p *string) {
		if p != nil {
			out[k] = *p
		}
	}
	boolean := func(k string, p *bool) {
		if p != nil {
			out[k] = *p
		}
	}
	str("ref_name", f.RefName)
	str("wire_tag", f.WireTag)
	str("item_kind", f.ItemKind)
	str("item_ref", f.ItemRef)
	str("item_wire_tag", f.ItemWireTag)
	boolean("item_nullable", f.ItemNullable)
	str("key_kind", f.KeyKind)
	str("value_kind", f.ValueKind)
	str("value_ref", f.ValueRef)
	boolean("value_nullable", f.ValueNullable)
	return out
}

// TestDefaultsMatchCPython renders random dataclass defaults as the
// manifest writes them (JSON value, or str() of other values) and
// compares with CPython's json.dumps of the same rule.
func TestDefaultsMatchCPython(t *testing.T) {
	const script = `
import json, random, enum, dataclasses
random.seed(8)
head = """import enum, typing
from dataclasses import dataclass
class C(enum.IntEnum):
    A = 1
class M(str, enum.Enum):
    H = "h\\u00e9"
class P(enum.Enum):
    X = 1
    Y = (1, "y")
class F(enum.Flag):
    R = 1
    W = 2
@dataclass(frozen=True)
class Money:
    cur: str = "EUR"
    n: int = 0
class Pt(typing.NamedTuple):
    x: float
    y: int
"""
ns = {"__name__": "m"}
exec(head, ns)
atoms = ["None", "True", "False", "0", "-7", "2**70", "1.5", "1e16", "1e-05", "-0.0", "float('inf')", "float('nan')",
         "'x'", "'it\\'s'", "'\\u00e9\\t\\x00'", "b''", "b'\\x00\\xffa\\'\"'", "C.A", "M.H", "P.X", "P.Y", "F.W",
         "frozenset()", "Money()", "Money('USD', 5)", "()", "Money", "int", "object", "bytes", "Pt(1.0, 2)", "Pt(x=0.5, y=-1)"]
def gen(d):
    if d == 0 or random.random() < 0.6:
        return random.choice(atoms)
    return "(" + ", ".join(gen(d - 1) for _ in range(random.randint(1, 3))) + ",)"
src, results = head, []
for i in range(400):
    e = gen(2)
    code = "@dataclass(frozen=True)\nclass T%d:\n    f: object = %s\n" % (i, e)
    exec(code, ns)
    v = ns["T%d" % i].f
    if v is None or isinstance(v, (bool, int, float, str)):
        out = json.dumps(v)
    else:
        out = json.dumps(str(v))
    results.append({"name": "T%d" % i, "expr": e, "json": out})
    src += code
print(json.dumps({"src": src, "results": results}))
`
	var d struct {
		Src     string
		Results []struct{ Name, Expr, JSON string }
	}
	runCPython(t, script, &d)
	l, m := loadSource(t, d.Src)
	bad := 0
	for _, r := range d.Results {
		c := classNamed(m, r.Name)
		var got string
		err := try(func() {
			f := l.fields(c)[0]
			b, err := pyjson.Marshal(l.renderDefault(c.mod, f.defNode, f.def), pyjson.Options{Indent: -1, ASCII: true})
			if err != nil {
				t.Fatal(err)
			}
			got = string(b)
		})
		switch {
		case err != nil:
			// Refusing is allowed for what docs/formats.md "The manifest" refuses to render: Flag combinations,
			// non-empty frozensets, other types.
			t.Logf("%s (%s): refused: %v", r.Name, r.Expr, err)
		case got != r.JSON:
			t.Errorf("%s (%s): %s, want %s", r.Name, r.Expr, got, r.JSON)
			bad++
		}
		if bad > 10 {
			t.FailNow()
		}
	}
}

// runCPython runs script with the local CPython 3.11, whose semantics the
// front end follows, and decodes the JSON it prints into v. Without
// python3.11 the test is skipped; a script that fails fails the test.
func runCPython(t *testing.T, script string, v any) {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	version, err := exec.Command(py, "-c", "import sys; print('%d.%d' % sys.version_info[:2])").Output()
	if err != nil || strings.TrimSpace(string(version)) != "3.11" {
		t.Skipf("python3 is not CPython 3.11 (%s)", strings.TrimSpace(string(version)))
	}
	cmd := exec.Command(py, "-c", script)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatal(err)
	}
}
