// Package pygen builds random Python 3.11 module-level programs from
// fuzz input bytes, for the interpreter's fuzz and differential tests.
//
// Every byte of the input steers one choice, so a coverage-guided fuzzer
// can grow a program statement by statement. The programs mostly parse
// and mostly run for a while: they define functions (defaults, *args,
// **kwargs, closures with nonlocal, generators, lambdas, decorators,
// recursion), classes (inheritance, dunder methods, properties, class
// and static methods, super(), context managers, exception subclasses),
// use exceptions (raise, raise from, try/except/else/finally), loops
// with break, continue and else, comprehensions, match statements,
// self-containing containers and every kind of string formatting; with
// Options.Imports they also import and use the modelled standard
// library modules and one that is not modelled.
//
// Without imports the programs are deterministic under CPython (no
// string hashing reaches their output), so their results can be
// compared with CPython's.
package pygen

import (
	"strconv"
	"strings"
)

// Options selects what the generated programs may contain.
type Options struct {
	// Imports lets programs import standard library modules.
	Imports bool
}

// Program returns the program the input bytes describe.
func Program(data []byte, opt Options) string {
	g := &gen{data: data, opt: opt}
	g.b.WriteString(prelude)
	g.stmts(scope{}, "", 1+g.n(24), 0)
	return g.b.String()
}

// prelude binds every name the generated statements read.
const prelude = `a = 1
b = 'x'
c = [1, 2]
d = {}
xs = (1, 2, 3)
s = 'abc'
def f(x=0, *args, **kw):
    return x
class K:
    attr = 3
    def __init__(self, v=0):
        self.v = v
    def m(self, y=1):
        return self.v + y
    def __repr__(self):
        return 'K(%r)' % (self.v,)
class E(Exception):
    pass
`

type gen struct {
	data []byte
	i    int
	opt  Options
	b    strings.Builder
	defs int // functions defined so far, for unique names
	// noWalrus is set where an assignment expression is a syntax error:
	// in comprehension iterables and in class bodies.
	noWalrus int
}

// scope is what the current block may read and assign besides the
// module globals.
type scope struct {
	fn     bool     // inside a function body
	locals []string // local names bound at the top of the function
	loop   bool     // inside a loop (break and continue are allowed)
}

var (
	globalVars = []string{"a", "b", "c", "d", "xs", "s"}
	localVars  = []string{"p", "q", "x"}
)

// n returns the next choice in [0, k); an exhausted input chooses 0.
func (g *gen) n(k int) int {
	if g.i >= len(g.data) {
		return 0
	}
	g.i++
	return int(g.data[g.i-1]) % k
}

func pick[T any](g *gen, xs []T) T { return xs[g.n(len(xs))] }

func (g *gen) target(sc scope) string {
	if sc.fn && g.n(4) != 0 {
		return pick(g, sc.locals)
	}
	return pick(g, globalVars)
}

func (g *gen) name(sc scope) string {
	if sc.fn && g.n(2) == 0 {
		return pick(g, sc.locals)
	}
	return pick(g, globalVars)
}

func (g *gen) atom(sc scope) string {
	switch g.n(12) {
	case 0:
		return strconv.Itoa(g.n(200) - 100)
	case 1, 2:
		return g.name(sc)
	case 3:
		return pick(g, []string{"'ab'", "'x,y'", "''", "'Hé'", "'{}'", "'%s'", "b'q'", "'a b'"})
	case 4:
		return pick(g, []string{"1.5", "-0.0", "1e300", "0.1", "float('nan')", "float('-inf')", "2j"})
	case 5:
		return "[" + g.atom(sc) + ", " + g.atom(sc) + "]"
	case 6:
		return "(" + g.atom(sc) + ",)"
	case 7:
		return "{" + g.atom(sc) + ": " + g.atom(sc) + "}"
	case 8:
		return pick(g, []string{"None", "True", "False", "...", "()", "[]", "{}"})
	case 9:
		return pick(g, []string{"K", "K()", "K(2)", "E", "E('e')", "f", "len", "int", "str"})
	case 10:
		return "range(" + strconv.Itoa(g.n(12)) + ")"
	}
	return "f(" + g.atom(sc) + ")"
}

var (
	binOps  = []string{"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"}
	cmpOps  = []string{"<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not"}
	boolOps = []string{"and", "or"}
	builtin = []string{"len", "str", "repr", "int", "float", "sorted", "list", "tuple", "abs", "bool",
		"max", "min", "sum", "any", "all", "dict", "iter", "reversed", "enumerate", "type", "callable",
		"chr", "ord", "hex", "oct", "bin", "round", "ascii", "bytes", "bytearray", "format", "divmod",
		"next", "hasattr", "vars", "id"}
	methods = []string{"upper", "split", "strip", "format", "join", "count", "append", "pop", "keys",
		"items", "copy", "index", "get", "setdefault", "update", "extend", "insert", "remove", "sort",
		"startswith", "replace", "encode", "decode", "zfill", "partition", "__len__", "__class__"}
	formatSpecs = []string{"", ">5", "<4", "^7", "08.3f", ",", "_", "x", "#b", "+.2e", "%", "g", "s", "r", "=+6", "*^9", ".1", "c", "n"}
)

func (g *gen) expr(sc scope, depth int) string {
	if depth > 3 || g.i >= len(g.data) {
		return g.atom(sc)
	}
	e := func() string { return g.expr(sc, depth+1) }
	switch g.n(28) {
	case 0, 1:
		return "(" + e() + " " + pick(g, binOps) + " " + e() + ")"
	case 2:
		return "(" + e() + " " + pick(g, cmpOps) + " " + e() + " " + pick(g, cmpOps) + " " + e() + ")"
	case 3:
		return "(" + e() + " " + pick(g, boolOps) + " " + e() + ")"
	case 4:
		return "(" + pick(g, []string{"-", "+", "~", "not "}) + e() + ")"
	case 5, 6:
		fn := pick(g, builtin)
		switch fn {
		case "bytearray":
			// Not modelled: the result is unknown, which CPython's is not.
			if !g.opt.Imports {
				fn = "bytes"
			}
		case "id":
			return "(id(" + e() + ") > 0)"
		case "vars":
			return "len(vars(" + e() + "))"
		case "divmod", "format", "hasattr", "round", "max", "min", "next":
			return fn + "(" + e() + ", " + g.atom(sc) + ")"
		}
		return fn + "(" + e() + ")"
	case 7:
		return e() + "[" + e() + "]"
	case 8:
		return e() + "[" + g.slice(sc) + "]"
	case 9:
		return "[" + e() + " for v in " + g.iterable(sc, depth) + pick(g, []string{"", " if v", " if not v", " for u in range(2)"}) + "]"
	case 10:
		return "{" + e() + ": v for v in " + g.iterable(sc, depth) + "}"
	case 11:
		return pick(g, []string{"sum", "any", "all", "tuple", "sorted"}) + "(v for v in " + g.iterable(sc, depth) + ")"
	case 12:
		return "len({" + e() + " for v in " + g.iterable(sc, depth) + "})"
	case 13:
		return "(" + e() + ")." + pick(g, methods) + "(" + g.args(sc) + ")"
	case 14:
		return g.fstring(sc)
	case 15:
		return "'{0}-{1!r:" + pick(g, formatSpecs) + "}'.format(" + e() + ", " + e() + ")"
	case 16:
		return "'%" + pick(g, []string{"s", "d", "r", "5.2f", "x", "-4s", "e", "c", "%", "o", "+i", "#X"}) + "-%s' % (" + e() + ", " + e() + ")"
	case 17:
		return "format(" + e() + ", '" + pick(g, formatSpecs) + "')"
	case 18:
		return "(" + e() + " if " + e() + " else " + e() + ")"
	case 19:
		return "(lambda " + pick(g, []string{"", "y", "y=1", "*y", "y, **z"}) + ": " + e() + ")(" + g.args(sc) + ")"
	case 20:
		return pick(g, []string{"f", "K", "K().m", "E", "g0", "gen0", "C0", "str", "list", "dict"}) + "(" + g.args(sc) + ")"
	case 21:
		return "[*" + e() + ", " + e() + "]"
	case 22:
		return "{**" + e() + ", " + g.atom(sc) + ": " + e() + "}"
	case 23:
		if g.noWalrus == 0 {
			return "(w := " + e() + ")"
		}
	case 24:
		return pick(g, []string{"isinstance", "issubclass", "getattr"}) + "(" + e() + ", " + pick(g, []string{"int", "K", "(str, list)", "E", "'attr'", "'v'"}) + ")"
	case 25:
		return "(" + e() + ")." + pick(g, []string{"attr", "v", "m", "__name__", "real", "args", "__class__", "__module__"})
	case 26:
		if g.opt.Imports {
			return g.stdlibExpr(sc)
		}
	}
	return g.atom(sc)
}

// iterable is a comprehension's iterable.
func (g *gen) iterable(sc scope, depth int) string {
	g.noWalrus++
	defer func() { g.noWalrus-- }()
	return g.expr(sc, depth+1)
}

func (g *gen) slice(sc scope) string {
	part := func() string {
		if g.n(3) == 0 {
			return ""
		}
		return strconv.Itoa(g.n(9) - 4)
	}
	out := part() + ":" + part()
	if g.n(2) == 0 {
		out += ":" + pick(g, []string{"", "1", "-1", "2", "0", "a"})
	}
	return out
}

// args is a call's argument list: positional and *iterable arguments,
// then keyword and **mapping ones.
func (g *gen) args(sc scope) string {
	var positional, keyword []string
	for k := g.n(4); k > 0; k-- {
		switch g.n(6) {
		case 0:
			positional = append(positional, "*"+g.atom(sc))
		case 1:
			keyword = append(keyword, "**"+g.atom(sc))
		case 2:
			// Each name once: a repeated keyword is a syntax error.
			name := pick(g, []string{"x", "y", "v", "key", "sep"})
			if !strings.Contains(","+strings.Join(keyword, ","), ","+name+"=") {
				keyword = append(keyword, name+"="+g.atom(sc))
			}
		default:
			positional = append(positional, g.atom(sc))
		}
	}
	return strings.Join(append(positional, keyword...), ", ")
}

func (g *gen) fstring(sc scope) string {
	var b strings.Builder
	b.WriteString("f'")
	for k := 1 + g.n(3); k > 0; k-- {
		b.WriteString(pick(g, []string{"", "-", "{{", "}}", "é"}))
		b.WriteString("{ " + strings.ReplaceAll(g.atom(sc), "'", "\""))
		b.WriteString(pick(g, []string{"", "!r", "!s", "!a", "=", "=!r"}))
		switch g.n(3) {
		case 0:
			b.WriteString(":" + pick(g, formatSpecs))
		case 1:
			b.WriteString(":>{" + g.name(sc) + "}")
		}
		b.WriteString("}")
	}
	b.WriteString("'")
	return b.String()
}

// stdlibUses are expressions on the modules the import statements
// bind; each @ becomes an atom.
var stdlibUses = []string{
	"math.sqrt(@)", "math.floor(@)", "math.log(@)", "math.factorial(@)", "math.gcd(@, @)", "math.isfinite(@)",
	"collections.Counter(@).most_common(2)", "collections.OrderedDict(@)",
	"collections.namedtuple('P', 'x y')(@, @)", "collections.defaultdict(list, @)[@]",
	"collections.deque(@, maxlen=2)",
	"functools.reduce(lambda p, q: p + q, @)", "functools.partial(f, @)(@)",
	"string.ascii_letters[@]", "string.capwords(@)", "string.Template('$a-${b}').substitute(a=@, b=1)",
	"typing.List[@]", "typing.Optional[@]", "typing.Union[int, @]", "typing.get_type_hints(K)", "typing.cast(int, @)",
	"datetime.date(2020, 1, @)", "datetime.date(2020, 1, 2).isoformat()",
	"datetime.date(2020, 1, 2) + datetime.timedelta(days=@)", "datetime.date(2020, 1, @).strftime('%Y %j %a')",
	"datetime.datetime(2021, 2, 3, 4, 5, @, tzinfo=datetime.timezone.utc)",
	"fractions.Fraction(@, @)", "decimal.Decimal(@)", "decimal.Decimal(@) + 1",
	"decimal.Decimal(@).quantize(decimal.Decimal('0.01'))", "decimal.Decimal(@) / 3",
	"uuid.UUID(int=@)", "uuid.uuid5(uuid.NAMESPACE_DNS, @)",
	"ipaddress.ip_address(@)", "ipaddress.ip_network('10.0.0.0/' + str(@))",
	"pathlib.PurePosixPath('a/b.txt') / @", "pathlib.PurePosixPath(@).suffix",
	"sys.version_info[:2]", "sys.maxsize", "sys.platform", "sys.getrecursionlimit()", "sys.modules['math']",
	"os.environ.get('HOME', @)", "os.getenv(@)", "os.path.join('a', @)", "osp.splitext(@)",
	"enum.Enum('Color', @)", "dataclasses.fields(@)", "json.dumps(@)", "logging.getLogger(@).name",
	"Counter(@)", "namedtuple('Q', @)", "partial(f, @)()", "reduce(max, @)", "Enum('A', 'x y')(@)",
	"floor(@)", "pi * @",
}

// stdlibExpr uses a module the program may have imported.
func (g *gen) stdlibExpr(sc scope) string {
	parts := strings.Split(pick(g, stdlibUses), "@")
	for i := 1; i < len(parts); i++ {
		parts[i] = g.atom(sc) + parts[i]
	}
	return strings.Join(parts, "")
}

// imports is one import statement binding the names stdlibExpr uses.
var imports = []string{
	"import math", "import collections", "import functools", "import string", "import typing",
	"import datetime", "import fractions", "import decimal", "import uuid", "import ipaddress",
	"import pathlib", "import sys", "import os", "import enum", "import dataclasses",
	"import json", "import logging",
	"from collections import namedtuple, OrderedDict, defaultdict, Counter, deque",
	"from functools import partial, reduce, wraps, lru_cache, total_ordering, cached_property",
	"from dataclasses import dataclass, field",
	"from enum import Enum, IntEnum, Flag, auto",
	"from typing import NamedTuple, Optional, List, TypedDict",
	"import os.path as osp",
	"from math import *",
}

func (g *gen) stmts(sc scope, indent string, n, depth int) {
	for k := 0; k < n; k++ {
		if k > 0 && g.i >= len(g.data) {
			return
		}
		g.stmt(sc, indent, depth)
	}
}

func (g *gen) block(sc scope, indent string, depth int) {
	g.stmts(sc, indent+"    ", 1+g.n(3), depth+1)
}

func (g *gen) line(indent, s string) { g.b.WriteString(indent + s + "\n") }

func (g *gen) stmt(sc scope, indent string, depth int) {
	e := func() string { return g.expr(sc, 0) }
	nested := depth <= 2
	switch c := g.n(34); {
	case c < 4:
		g.line(indent, g.target(sc)+" = "+e())
	case c == 4:
		g.line(indent, g.target(sc)+" "+pick(g, binOps)+"= "+e())
	case c == 5:
		g.line(indent, pick(g, []string{"a, *b", "[a, b]", "(a, (b, c))", "a, b", "*c, d"})+" = "+e())
	case c == 6:
		g.line(indent, g.name(sc)+"["+pick(g, []string{e(), g.slice(sc)})+"] "+pick(g, []string{"=", "+=", "|="})+" "+e())
	case c == 7:
		g.line(indent, pick(g, []string{"K.attr", "K().v", "f.tag", "E.code"})+" = "+e())
	case c == 8:
		g.line(indent, pick(g, []string{"c.append(c)", "d[1] = d", "c.extend(c)", "xs = (xs, xs)", "c = [c]", "d = {'k': [d]}"}))
	case c == 9:
		g.line(indent, g.target(sc)+": "+pick(g, []string{"int", "'K'", "list[str]"})+" = "+e())
	case c == 10 && nested:
		g.line(indent, "if "+e()+":")
		g.block(sc, indent, depth)
		if g.n(2) == 0 {
			g.line(indent, "elif "+e()+":")
			g.block(sc, indent, depth)
		}
		g.line(indent, "else:")
		g.block(sc, indent, depth)
	case c == 11 && nested:
		g.line(indent, "for "+pick(g, []string{g.target(sc), "i, j", "*i, j"})+" in "+e()+":")
		in := sc
		in.loop = true
		g.block(in, indent, depth)
		if g.n(3) == 0 {
			g.line(indent, "else:")
			g.block(sc, indent, depth)
		}
	case c == 12 && nested:
		// A loop that mostly ends by itself; the step budget ends the rest.
		g.line(indent, "n_ = 0")
		g.line(indent, "while "+pick(g, []string{"n_ < 5", "True", e()})+":")
		g.line(indent, "    n_ += 1")
		in := sc
		in.loop = true
		g.block(in, indent, depth)
	case c == 13 && sc.loop:
		g.line(indent, "if "+e()+": "+pick(g, []string{"break", "continue"}))
	case c == 14 && nested:
		g.try(sc, indent, depth)
	case c == 15:
		g.line(indent, "raise "+pick(g, []string{"E(" + e() + ")", "ValueError(" + e() + ")", "KeyError", "E from None", "TypeError('t') from E()", "StopIteration"}))
	case c == 16 && depth <= 1:
		g.def(sc, indent, depth)
	case c == 17 && depth <= 1:
		g.class(sc, indent, depth)
	case c == 18 && nested:
		g.with(sc, indent, depth)
	case c == 19 && nested:
		g.match(sc, indent, depth)
	case c == 20:
		g.line(indent, "assert "+e()+", "+e())
	case c == 21:
		g.line(indent, "del "+pick(g, []string{g.target(sc), "c[0]", "d[" + g.atom(sc) + "]", "K.attr", "c[::2]"}))
	case c == 22 && sc.fn:
		g.line(indent, pick(g, []string{"return " + e(), "yield " + e(), "yield from " + e(), "return"}))
	case c == 23 && g.opt.Imports:
		imp := pick(g, imports)
		if sc.fn && strings.HasSuffix(imp, "*") {
			imp = "import math" // import * is for modules only
		}
		g.line(indent, imp)
	case c == 24 && g.opt.Imports && depth <= 1:
		g.stdlibDef(sc, indent)
	case c == 25:
		g.line(indent, pick(g, []string{"f", "sorted", "repr", "str", "hash", "K().m", "next"})+"("+e()+")")
	case c == 26 && depth == 0:
		// Recursion: some end early, the rest meet the recursion limit.
		g.defs++
		name := "r" + strconv.Itoa(g.defs)
		g.line(indent, "def "+name+"(n):")
		g.line(indent, "    return n if n > "+pick(g, []string{"5", "300", "100000"})+" else "+name+"(n + 1)"+pick(g, []string{"", " + 1", "[0]"}))
		g.line(indent, g.target(sc)+" = "+name+"(0)")
	case c == 27:
		g.line(indent, pick(g, []string{"pass", "..."}))
	default:
		g.line(indent, g.target(sc)+" = "+e())
	}
}

func (g *gen) try(sc scope, indent string, depth int) {
	g.line(indent, "try:")
	g.block(sc, indent, depth)
	handlers := g.n(3)
	for k := 0; k < handlers; k++ {
		g.line(indent, "except "+pick(g, []string{"Exception", "ValueError", "(TypeError, KeyError)", "E", "ArithmeticError", "LookupError", "BaseException"})+pick(g, []string{"", " as e"})+":")
		g.block(sc, indent, depth)
	}
	if handlers > 0 && g.n(3) == 0 {
		g.line(indent, "else:")
		g.block(sc, indent, depth)
	}
	if handlers == 0 || g.n(3) == 0 {
		g.line(indent, "finally:")
		g.block(sc, indent, depth)
	}
}

// def defines a function: a plain one, a generator, a closure with
// nonlocal, or a decorated one. Expressions may call g0, gen0 and C0
// before any statement defines them: that is a NameError.
func (g *gen) def(sc scope, indent string, depth int) {
	g.defs++
	name := pick(g, []string{"g0", "f", "gen0", "h" + strconv.Itoa(g.defs)})
	params := pick(g, []string{"x=0, *args, **kw", "x, /, y=2, *, z=3", "x=[]", "*x", "x=None, **kw"})
	if g.n(3) == 0 {
		g.line(indent, "@"+pick(g, []string{"staticmethod", "f", "(lambda fn: fn)", "K", "property"}))
	}
	g.line(indent, "def "+name+"("+params+"):")
	in := scope{fn: true, locals: localVars}
	if strings.HasPrefix(params, "*x") {
		in.locals = []string{"p", "q"}
	}
	g.line(indent, "    p = "+g.expr(in, 1))
	g.line(indent, "    q = "+g.expr(in, 1))
	if g.n(2) == 0 {
		// A closure that rebinds the enclosing function's p.
		g.line(indent, "    def inner(y=1):")
		g.line(indent, "        nonlocal p")
		g.line(indent, "        p = "+pick(g, []string{"y", "p + y", "[p, y]"}))
		g.line(indent, "        return "+g.expr(in, 2))
		g.line(indent, "    q = inner("+g.atom(in)+")")
	}
	g.stmts(in, indent+"    ", 1+g.n(3), depth+1)
	g.line(indent, "    "+pick(g, []string{"return " + g.expr(in, 0), "yield p", "yield from q", "return p, q"}))
	g.line(indent, g.target(sc)+" = "+pick(g, []string{"list(" + name + "(" + g.args(sc) + "))", name + "(" + g.args(sc) + ")", name}))
}

func (g *gen) class(sc scope, indent string, depth int) {
	name := pick(g, []string{"K", "C0", "E"})
	bases := pick(g, []string{"", "K", "E", "dict", "list", "int", "str", "K, E", "Exception", "metaclass=type", "object"})
	g.line(indent, "class "+name+"("+bases+"):")
	g.noWalrus++
	defer func() { g.noWalrus-- }()
	in := indent + "    "
	g.line(in, "attr = "+g.expr(sc, 1))
	for k := 1 + g.n(4); k > 0; k-- {
		switch g.n(10) {
		case 0:
			g.line(in, "def __init__(self, *a, **k):")
			g.line(in, "    super().__init__(*a"+pick(g, []string{"", ", **k"})+")")
			g.line(in, "    self.v = "+pick(g, []string{"a", "k", "len(a)", "self"}))
		case 1:
			g.line(in, "def "+pick(g, []string{"__repr__", "__str__", "__format__", "__len__", "__hash__", "__bool__", "__index__", "__iter__"})+"(self, *a):")
			g.line(in, "    return "+g.expr(sc, 1))
		case 2:
			g.line(in, "def "+pick(g, []string{"__eq__", "__lt__", "__add__", "__radd__", "__contains__", "__getitem__", "__call__", "__getattr__", "__mul__"})+"(self, o):")
			g.line(in, "    return "+pick(g, []string{"self == o", "o", "self.v", "o + 1", "self[o]", "getattr(self, o)", g.expr(sc, 1)}))
		case 3:
			g.line(in, "@property")
			g.line(in, "def p(self):")
			g.line(in, "    return "+pick(g, []string{"self.p", "self.v", g.expr(sc, 1)}))
		case 4:
			g.line(in, "@classmethod")
			g.line(in, "def make(cls, *a):")
			g.line(in, "    return cls(*a)")
		case 5:
			g.line(in, "@staticmethod")
			g.line(in, "def st(x=1):")
			g.line(in, "    return "+g.expr(sc, 1))
		case 6:
			g.line(in, "def __init_subclass__(cls, **kw):")
			g.line(in, "    cls.sub = "+g.atom(sc))
		case 7:
			g.line(in, "__slots__ = "+pick(g, []string{"()", "('v',)", "'v'"}))
		case 8:
			g.line(in, "def __enter__(self):")
			g.line(in, "    return "+pick(g, []string{"self", g.atom(sc)}))
			g.line(in, "def __exit__(self, *exc):")
			g.line(in, "    return "+pick(g, []string{"True", "False", "None", "exc[0] is E"}))
		default:
			g.line(in, "m = lambda self, y=1: "+g.expr(sc, 2))
		}
	}
	g.line(indent, g.target(sc)+" = "+pick(g, []string{name + "(" + g.args(sc) + ")", name + "().m()", "repr(" + name + "())", name + ".attr", name + ".make()", name + ".st()", "[" + name + "() for _ in range(2)]"}))
}

func (g *gen) with(sc scope, indent string, depth int) {
	g.line(indent, "with "+pick(g, []string{"K()", "C0()", "E()", g.expr(sc, 1)})+pick(g, []string{"", " as w"})+":")
	g.block(sc, indent, depth)
}

func (g *gen) match(sc scope, indent string, depth int) {
	g.line(indent, "match "+g.expr(sc, 1)+":")
	for k := 1 + g.n(3); k > 0; k-- {
		g.line(indent, "    case "+pick(g, []string{
			"1 | 2", "[x, *rest]", "{'k': v, **kw}", "K(v=0)", "str() as v", "(1, _)",
			"None", "[]", "{}", "int(v) if v > 0", "E()", "-1.5", "'ab' | 'x,y'", "[K(), *_]"})+":")
		g.stmts(sc, indent+"        ", 1+g.n(2), depth+1)
	}
	g.line(indent, "    case _:")
	g.line(indent, "        pass")
}

// stdlibDefs define a class or function with what the modelled modules
// provide for definitions, then use it (one of uses). In both, each #A
// becomes an atom and each #E an expression.
var stdlibDefs = []struct {
	def  string
	uses []string
}{
	{`import dataclasses
@dataclasses.dataclass
class D0:
    x: int = #A
    y: list = dataclasses.field(default_factory=list)`,
		[]string{"D0()", "D0(#A)", "repr(D0(1, [2]))", "D0() == D0()", "dataclasses.asdict(D0())", "dataclasses.replace(D0(), x=#A)"}},
	{`import dataclasses
@dataclasses.dataclass(frozen=True, order=True)
class D1:
    x: int = 0
    y: str = #A`,
		[]string{"D1() < D1(1)", "hash(D1(2)) == hash(D1(2))", "sorted([D1(2), D1(#A)])", "D1().__setattr__('x', 1)"}},
	{`import enum
class Color(enum.Enum):
    R = #A
    G = enum.auto()`,
		[]string{"list(Color)", "Color.R", "Color(1)", "Color['G']", "Color.R.name", "repr(Color.G)", "Color.G.value + #A"}},
	{`import enum
class Perm(enum.IntFlag):
    R = 4
    W = #A`,
		[]string{"Perm.R | Perm.W", "Perm(5)", "repr(Perm.R & #A)", "int(Perm.W)"}},
	{`import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)`,
		[]string{"fib(#A)", "fib.cache_info()"}},
	{`import typing
class T0(typing.NamedTuple):
    x: int
    y: str = #A`,
		[]string{"T0(1)", "T0(#A, 'y')._replace(x=2)", "T0._fields", "T0(1)._asdict()"}},
	{`import functools
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k):
        return fn(*a, **k)
    return w
@deco
def wrapped(x=1):
    'doc'
    return #E`,
		[]string{"(wrapped.__name__, wrapped.__doc__, wrapped(#A))", "wrapped.__wrapped__"}},
	{`import typing
TV = typing.TypeVar('TV')
class G0(typing.Generic[TV]):
    items: typing.List[TV]
    def get(self) -> typing.Optional[TV]:
        return #E`,
		[]string{"G0[int]", "G0().get()", "typing.get_type_hints(G0)", "G0.__parameters__"}},
}

// stdlibDef writes one of stdlibDefs.
func (g *gen) stdlibDef(sc scope, indent string) {
	d := pick(g, stdlibDefs)
	fill := func(s string) string {
		var b strings.Builder
		for {
			i := strings.IndexByte(s, '#')
			if i < 0 || i+1 >= len(s) {
				return b.String() + s
			}
			b.WriteString(s[:i])
			switch s[i+1] {
			case 'A':
				b.WriteString(g.atom(sc))
			case 'E':
				b.WriteString(g.expr(sc, 1))
			default:
				b.WriteString(s[i : i+2])
			}
			s = s[i+2:]
		}
	}
	for _, l := range strings.Split(d.def, "\n") {
		g.line(indent, fill(l))
	}
	g.line(indent, g.target(sc)+" = "+fill(pick(g, d.uses)))
}
