package python

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestTypeHintsMatchCPython compares the emulation of typing.get_type_hints
// (and its fallback to the raw annotations of the whole class or function)
// with CPython, at two moments: where a Marker class stands (the end of a
// @service class statement) and once the module has run.
func TestTypeHintsMatchCPython(t *testing.T) {
	const script = `
import dataclasses, json, random, sys, types, typing
random.seed(10)
def desc(a):
    if isinstance(a, str): return "'" + a + "'"
    if isinstance(a, typing.ForwardRef): return "'" + a.__forward_arg__ + "'"
    if a is None or a is type(None): return "None"
    o = typing.get_origin(a)
    if o is not None:
        name = "Union" if o is typing.Union else o.__name__
        return name + "[" + ", ".join(desc(x) for x in typing.get_args(a)) + "]"
    if isinstance(a, type) and dataclasses.is_dataclass(a):
        return a.__name__ + "(" + ",".join(f.name for f in dataclasses.fields(a)) + ")"
    if isinstance(a, type): return a.__name__
    return "?"
def hints(cls):
    try:
        h = typing.get_type_hints(cls)
        return {"fallback": False, "types": {f.name: desc(h[f.name]) for f in dataclasses.fields(cls)}}
    except Exception:
        return {"fallback": True, "types": {f.name: desc(f.type) for f in dataclasses.fields(cls)}}
def fhints(fn):
    try:
        return {"fallback": False, "types": {k: desc(v) for k, v in typing.get_type_hints(fn).items()}}
    except Exception:
        return {"fallback": True, "types": {k: desc(v) for k, v in fn.__annotations__.items()}}
def ann():
    n = random.choice(["A", "B", "C", "int", "str"])
    return random.choice(["%s", "'%s'", "Optional[%s]", "Optional['%s']", "list['%s']", "list[%s]"]) % n
cases = []
for i in range(1200):
    future = random.random() < 0.5
    fields = [ann() for _ in range(random.randint(1, 3))]
    params = [ann() for _ in range(random.randint(1, 3))]
    src = ("from __future__ import annotations\n" if future else "") + (
        "from dataclasses import dataclass\nfrom typing import TYPE_CHECKING, Optional\n"
        "if TYPE_CHECKING:\n    from decimal import Decimal as C\n"
        "@dataclass\nclass A:\n    a: int = 0\n"
        "@dataclass\nclass D:\n" + "".join("    f%d: %s = None\n" % (j, t) for j, t in enumerate(fields)) +
        "class S:\n    def m(self, " + ", ".join("p%d: %s" % (j, t) for j, t in enumerate(params[1:])) + ") -> %s: ...\n" % params[0] +
        ("@dataclass\nclass A:\n    a3: int = 0\n" if random.random() < 0.3 else "") +
        "class Marker:\n    pass\n")
    tail = "@dataclass\nclass B:\n    b: str = ''\n"
    if random.random() < 0.5:
        tail += "@dataclass\nclass A:\n    a2: str = ''\n"  # rebinds A after the marker
    # typing caches subscriptions, and a function's ForwardRef keeps its
    # first evaluation: start each module from empty caches.
    for clear in typing._cleanups:
        clear()
    mod = types.ModuleType("m%d" % i)
    sys.modules[mod.__name__] = mod
    ns = mod.__dict__
    try:
        exec(src, ns)
    except NameError:
        continue  # the module itself fails at import
    early = [hints(ns["D"]), fhints(ns["S"].m)]
    exec(tail, ns)
    late = [hints(ns["D"]), fhints(ns["S"].m)]
    cases.append({"src": src + tail, "early": early, "late": late})
print(json.dumps(cases))
`
	type hintSet struct {
		Fallback bool
		Types    map[string]string
	}
	var cases []struct {
		Src         string
		Early, Late []hintSet
	}
	runCPython(t, script, &cases)
	files := map[string]string{}
	for i, c := range cases {
		files[fmt.Sprintf("m%d.py", i)] = c.Src
	}
	l := NewLoader(Options{Dir: writeTree(t, files), Env: func(string) string { return "" }})
	bad, fallbacks := 0, 0
	for i, c := range cases {
		mv, err := l.importModule(fmt.Sprintf("m%d", i))
		if err != nil {
			t.Fatal(err)
		}
		m := mv.(*module)
		get := func(name string) Value { v, _ := m.ns.lookup(name, final); return v }
		d, marker := get("D").(*class), get("Marker").(*class)
		fn, _ := get("S").(*class).ns.lookup("m", final)
		for _, moment := range []struct {
			at   int
			want []hintSet
		}{{marker.seqEnd, c.Early}, {final, c.Late}} {
			var got []hintSet
			err := try(func() {
				ch := l.classHints(d, moment.at)
				cs := hintSet{Fallback: ch.fallback != nil, Types: map[string]string{}}
				for _, fd := range d.fields {
					cs.Types[fd.name] = l.describeHint(ch.byNode[fd.anno])
				}
				f := fn.(*function)
				fh := l.funcHints(f, moment.at)
				fs := hintSet{Fallback: fh.fallback != nil, Types: map[string]string{}}
				for _, p := range l.params(f) {
					if p.anno != nil {
						fs.Types[p.name] = l.describeHint(fh.byNode[p.anno])
					}
				}
				fs.Types["return"] = l.describeHint(fh.byNode[f.node.Child("return_type")])
				got = []hintSet{cs, fs}
			})
			if moment.at == final && err == nil {
				// The runtime reads a method's hints once, when the
				// @service class statement ends; CPython keeps the first
				// evaluation of a forward reference inside a subscript
				// for functions, so a later call is not comparable.
				got, moment.want = got[:1], moment.want[:1]
			}
			if moment.want[0].Fallback {
				fallbacks++
			}
			if err != nil || !reflect.DeepEqual(got, moment.want) {
				t.Errorf("m%d.py at %d: got %+v (%v), want %+v\n%s", i, moment.at, got, err, moment.want, c.Src)
				if bad++; bad > 5 {
					t.FailNow()
				}
			}
		}
	}
	if len(cases) < 200 || fallbacks < 50 {
		t.Errorf("only %d modules, %d fallbacks", len(cases), fallbacks)
	}
}

// describeHint writes a resolved or raw annotation the way the CPython
// script above does.
func (l *Loader) describeHint(v Value) string {
	switch x := v.(type) {
	case forwardRef:
		return "'" + string(x) + "'"
	case nestedRef:
		return "'" + string(x) + "'"
	case noneV:
		return "None"
	case *class:
		if !l.isDataclass(x) {
			return x.name
		}
		var names []string
		for _, f := range l.fields(x) {
			names = append(names, f.name)
		}
		return x.name + "(" + strings.Join(names, ",") + ")"
	case *known:
		return strings.TrimPrefix(x.name, "builtins.")
	case *generic:
		var args []string
		for _, a := range x.args {
			args = append(args, l.describeHint(a))
		}
		name := l.describeHint(x.origin)
		if isKnown(x.origin, "typing.Union") {
			name = "Union"
		}
		return name + "[" + strings.Join(args, ", ") + "]"
	}
	return fmt.Sprintf("?%T", v)
}

// pyWireType is aster's wire_type decorator: the tag, split at its last
// "/", gives the class's wire identity attributes.
const pyWireType = `
def wire_type(tag, metadata=None):
    def deco(cls):
        ns, _, name = tag.rpartition("/")
        cls.__wire_type__, cls.__fory_namespace__, cls.__fory_typename__ = tag, ns, name
        return cls
    return deco
`

// TestClassIdentityMatchesCPython compares, over random class hierarchies
// with and without @dataclass and @wire_type, whether a class is a
// dataclass, its fields, and the wire identity read through its MRO.
func TestClassIdentityMatchesCPython(t *testing.T) {
	script := `
import dataclasses, json, random, sys, types
random.seed(11)
` + pyWireType + `
sys.modules["aster"] = types.ModuleType("aster")
sys.modules["aster"].wire_type = wire_type
src = "from dataclasses import dataclass\nfrom aster import wire_type\n"
names = []
for i in range(60):
    base = random.choice([None] + names[-4:]) if names else None
    decos = ""
    if random.random() < 0.3:
        decos += "@wire_type(%r)\n" % random.choice(["ns/T%d" % i, "a/b/T%d" % i, "T%d" % i, "ns/"])
    if random.random() < 0.6:
        decos += "@dataclass\n"
    body = "".join("    %s: int = %d\n" % (f, j) for j, f in enumerate(random.sample(["x", "y", "z"], random.randint(0, 2)))) or "    pass\n"
    src += decos + "class C%d%s:\n" % (i, "(%s)" % base if base else "") + body
    names.append("C%d" % i)
mod = types.ModuleType("m")
sys.modules["m"] = mod
exec(src, mod.__dict__)
out = []
for n in names:
    c = getattr(mod, n)
    dc = dataclasses.is_dataclass(c)
    pkg = getattr(c, "__fory_namespace__", None) or c.__module__
    name = getattr(c, "__fory_typename__", c.__qualname__)
    out.append({"name": n, "dataclass": dc, "fields": [f.name for f in dataclasses.fields(c)] if dc else [], "fqn": pkg + "." + name})
print(json.dumps({"src": src, "classes": out}))
`
	var d struct {
		Src     string
		Classes []struct {
			Name      string
			Dataclass bool
			Fields    []string
			FQN       string
		}
	}
	runCPython(t, script, &d)
	l, m := loadSource(t, d.Src)
	dataclasses := 0
	for _, want := range d.Classes {
		c := classNamed(m, want.Name)
		isDC := l.isDataclass(c)
		fields := []string{}
		if isDC {
			dataclasses++
			for _, f := range l.fields(c) {
				fields = append(fields, f.name)
			}
		}
		pkg, name := l.fqn(c, nil, m)
		if want.Fields == nil {
			want.Fields = []string{}
		}
		if isDC != want.Dataclass || !reflect.DeepEqual(fields, want.Fields) || pkg+"."+name != want.FQN {
			t.Errorf("%s: dataclass %v fields %v fqn %s.%s, want %v %v %s", want.Name, isDC, fields, pkg, name, want.Dataclass, want.Fields, want.FQN)
		}
	}
	if dataclasses < 20 {
		t.Errorf("only %d dataclasses", dataclasses)
	}
}

// TestAsterClassesMatchCPython executes the aster dataclass sources of
// aster_surface.go with CPython (wire_type as aster defines it) and
// compares each class's FQN and the FieldDef shape of its resolved fields.
func TestAsterClassesMatchCPython(t *testing.T) {
	srcs, err := json.Marshal(asterSources)
	if err != nil {
		t.Fatal(err)
	}
	classes, err := json.Marshal(asterClasses)
	if err != nil {
		t.Fatal(err)
	}
	script := `
import dataclasses, json, sys, types, typing
` + pyFieldShape + pyWireType + `
for name in ["aster", "aster.interceptors", "aster.codec"]:
    sys.modules[name] = types.ModuleType(name)
sys.modules["aster.codec"].wire_type = wire_type
for name, src in json.loads(` + strconv.Quote(string(srcs)) + `).items():
    m = types.ModuleType(name)
    sys.modules[name] = m
    exec(src, m.__dict__)
out = {}
for canon, mod in json.loads(` + strconv.Quote(string(classes)) + `).items():
    cls = getattr(sys.modules[mod], canon.rpartition(".")[2])
    hints = typing.get_type_hints(cls)
    pkg = getattr(cls, "__fory_namespace__", "") or cls.__module__
    out[canon] = {"fqn": pkg + "." + getattr(cls, "__fory_typename__", cls.__qualname__),
                  "fields": [[f.name] + shape(hints[f.name]) for f in dataclasses.fields(cls)]}
print(json.dumps(out))
`
	var want map[string]struct {
		FQN    string
		Fields [][]any
	}
	runCPython(t, script, &want)
	l := NewLoader(Options{Env: func(string) string { return "" }})
	for canon, w := range want {
		c := l.asterClass(canon)
		pkg, name := l.fqn(c, nil, c.mod)
		var fields [][]any
		for _, f := range l.fields(c) {
			fields = append(fields, append([]any{f.name}, fieldShape(l.nodeField(f, l.fieldType(c, f, final)))...))
		}
		if pkg+"."+name != w.FQN || !reflect.DeepEqual(fields, w.Fields) {
			t.Errorf("%s: %s.%s %v, want %s %v", canon, pkg, name, fields, w.FQN, w.Fields)
		}
	}
	if len(want) != len(asterClasses) {
		t.Errorf("%d classes compared, want %d", len(want), len(asterClasses))
	}
}
