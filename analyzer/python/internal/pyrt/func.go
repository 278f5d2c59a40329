package pyrt

import (
	"strings"

	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// param is one parameter of a function.
type param struct {
	name string
	kind syn.ParamKind
	// posOnly is set for parameters before "/"; kwOnly for those after
	// "*" or "*args".
	posOnly, kwOnly bool
	def             Value // nil without a default
}

// Function is a function defined by def or lambda.
type Function struct {
	Name, Qualname string
	Module         *Module
	Dict           *Namespace
	params         []param
	body           []syn.Stmt
	lambda         syn.Expr // the body of a lambda
	sc             *scope
	closure        *env
	file           *srcFile
	// class is the class whose body defined the function (for super()).
	class *Class
	// localsQual is localsOf + ".<locals>.", made once per Qualname.
	localsOf, localsQual string
}

// localsPrefix is the start of the qualified names of what a call
// defines: Qualname + ".<locals>.".
func (f *Function) localsPrefix() string {
	if f.localsQual == "" || f.localsOf != f.Qualname {
		f.localsOf, f.localsQual = f.Qualname, f.Qualname+".<locals>."
	}
	return f.localsQual
}

// Type implements Value.
func (*Function) Type() *Class { return FunctionClass }

// Attr implements HasAttrs.
func (f *Function) Attr(th *Thread, name string) (Value, error) {
	switch name {
	case "__name__":
		return Str(f.Name), nil
	case "__qualname__":
		return Str(f.Qualname), nil
	case "__module__":
		return Str(f.Module.Name), nil
	case "__defaults__":
		var t Tuple
		for _, p := range f.params {
			if p.def != nil && !p.kwOnly {
				t = append(t, p.def)
			}
		}
		if t == nil {
			return None, nil
		}
		return t, nil
	case "__dict__":
		return namespaceProxy(f.Dict), nil
	}
	if v, ok := f.Dict.Get(name); ok {
		return v, nil
	}
	if name == "__doc__" {
		return None, nil
	}
	if cv, owner := FunctionClass.Lookup(name); cv != nil {
		return bindAttr(th, cv, f, owner)
	}
	return nil, nil
}

// SetAttr implements HasSetAttr.
func (f *Function) SetAttr(th *Thread, name string, v Value) error {
	switch name {
	case "__name__":
		s, ok := v.(Str)
		if !ok {
			return typeErrorf("__name__ must be set to a string object")
		}
		f.Name = string(s)
		return nil
	case "__qualname__":
		s, ok := v.(Str)
		if !ok {
			return typeErrorf("__qualname__ must be set to a string object")
		}
		f.Qualname = string(s)
		return nil
	}
	if v == nil {
		if !f.Dict.Delete(name) {
			return NewException(AttributeErrorClass, Str(name))
		}
		return nil
	}
	f.Dict.Set(name, v)
	return nil
}

// Call implements Callable.
func (f *Function) Call(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	cells, err := f.bind(args, kwargs)
	if err != nil {
		return nil, err
	}
	e := &env{sc: f.sc, cells: cells, parent: f.closure, mod: f.Module}
	fr := &frame{th: th, env: e, file: f.file, fn: f, qual: f.localsPrefix()}
	if f.lambda != nil {
		return fr.eval(f.lambda)
	}
	if f.sc.yields {
		return &IteratorValue{Name: "generator", Qualname: f.Qualname, It: &generatorIter{fr: fr, body: f.body}}, nil
	}
	th.frames = append(th.frames, fr)
	defer func() { th.frames = th.frames[:len(th.frames)-1] }()
	ctl, err := fr.execBlock(f.body)
	if err != nil {
		return nil, err
	}
	if ctl == ctlReturn {
		return fr.ret, nil
	}
	return None, nil
}

// bind assigns the arguments of a call to the parameters and returns the
// function's cells.
func (f *Function) bind(args []Value, kwargs []Kwarg) ([]Cell, error) {
	cells := make([]Cell, len(f.sc.order))
	cell := func(name string) *Cell { return &cells[f.sc.slot(name)] }
	var varargs, varkw *param
	var positional []*param
	for i := range f.params {
		p := &f.params[i]
		switch p.kind {
		case syn.ParamVarArgs:
			varargs = p
		case syn.ParamKwArgs:
			varkw = p
		case syn.ParamPlain:
			if !p.kwOnly {
				positional = append(positional, p)
			}
		}
	}
	name := f.Qualname
	for i, a := range args {
		if i < len(positional) {
			cell(positional[i].name).V = a
		}
	}
	if varargs != nil {
		var rest Tuple
		if len(args) > len(positional) {
			rest = append(Tuple{}, args[len(positional):]...)
		}
		if rest == nil {
			rest = Tuple{}
		}
		cell(varargs.name).V = rest
	}
	var extra *Dict
	if varkw != nil {
		extra = NewDict()
		cell(varkw.name).V = extra
	}
	var posOnlyAsKw []string
	for _, kw := range kwargs {
		var target *param
		for i := range f.params {
			p := &f.params[i]
			if p.kind == syn.ParamPlain && p.name == kw.Name {
				target = p
				break
			}
		}
		if target != nil && target.posOnly {
			if extra != nil {
				_ = extra.setStr(kw.Name, kw.Value)
				continue
			}
			posOnlyAsKw = append(posOnlyAsKw, kw.Name)
			continue
		}
		if target == nil {
			if extra == nil {
				return nil, typeErrorf("%s() got an unexpected keyword argument '%s'", name, kw.Name)
			}
			_ = extra.setStr(kw.Name, kw.Value)
			continue
		}
		c := cell(target.name)
		if c.V != nil {
			return nil, typeErrorf("%s() got multiple values for argument '%s'", name, kw.Name)
		}
		c.V = kw.Value
	}
	if len(posOnlyAsKw) > 0 {
		return nil, typeErrorf("%s() got some positional-only arguments passed as keyword arguments: '%s'", name, strings.Join(posOnlyAsKw, ", "))
	}
	// Too many positional arguments are reported after the keyword
	// arguments are bound, naming the keyword-only parameters given.
	if len(args) > len(positional) && varargs == nil {
		kwOnlyGiven := 0
		for i := range f.params {
			if p := &f.params[i]; p.kind == syn.ParamPlain && p.kwOnly && cell(p.name).V != nil {
				kwOnlyGiven++
			}
		}
		return nil, tooManyPositional(name, positional, len(args), kwOnlyGiven)
	}
	var missingPos, missingKw []string
	for i := range f.params {
		p := &f.params[i]
		if p.kind != syn.ParamPlain {
			continue
		}
		c := cell(p.name)
		if c.V != nil {
			continue
		}
		if p.def != nil {
			c.V = p.def
			continue
		}
		if p.kwOnly {
			missingKw = append(missingKw, p.name)
		} else {
			missingPos = append(missingPos, p.name)
		}
	}
	if len(missingPos) > 0 {
		return nil, missingArgs(name, missingPos, "positional")
	}
	if len(missingKw) > 0 {
		return nil, missingArgs(name, missingKw, "keyword-only")
	}
	return cells, nil
}

func tooManyPositional(name string, positional []*param, given, kwOnlyGiven int) error {
	required := 0
	for _, p := range positional {
		if p.def == nil {
			required++
		}
	}
	takes := itoa(int64(len(positional)))
	if required < len(positional) {
		takes = "from " + itoa(int64(required)) + " to " + takes
	}
	plural := "s"
	if len(positional) == 1 && required == len(positional) {
		plural = ""
	}
	was := "were"
	if given == 1 {
		was = "was"
	}
	kwNote := ""
	if n := kwOnlyGiven; n > 0 {
		kwNote = " positional argument"
		if given != 1 {
			kwNote += "s"
		}
		kw := "argument"
		if n > 1 {
			kw = "arguments"
		}
		return typeErrorf("%s() takes %s positional argument%s but %d%s (and %d keyword-only %s) %s given", name, takes, plural, given, kwNote, n, kw, was)
	}
	return typeErrorf("%s() takes %s positional argument%s but %d %s given", name, takes, plural, given, was)
}

func missingArgs(name string, names []string, kind string) error {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + n + "'"
	}
	var list string
	switch len(quoted) {
	case 1:
		list = quoted[0]
	case 2:
		list = quoted[0] + " and " + quoted[1]
	default:
		list = strings.Join(quoted[:len(quoted)-1], ", ") + ", and " + quoted[len(quoted)-1]
	}
	arg := "argument"
	if len(names) > 1 {
		arg = "arguments"
	}
	return typeErrorf("%s() missing %d required %s %s: %s", name, len(names), kind, arg, list)
}

// generatorIter runs a generator function's body on first use, collecting
// what it yields (import-time generators are finite; the step budget
// bounds the rest).
type generatorIter struct {
	fr    *frame
	body  []syn.Stmt
	items []Value
	i     int
	ran   bool
}

func (g *generatorIter) Next(th *Thread) (Value, bool, error) {
	if !g.ran {
		g.ran = true
		g.fr.th = th
		g.fr.yields = &g.items
		th.frames = append(th.frames, g.fr)
		_, err := g.fr.execBlock(g.body)
		th.frames = th.frames[:len(th.frames)-1]
		if err != nil {
			return nil, false, err
		}
	}
	if g.i >= len(g.items) {
		return nil, false, nil
	}
	g.i++
	return g.items[g.i-1], true, nil
}
