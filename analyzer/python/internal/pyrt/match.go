package pyrt

import (
	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

func (fr *frame) matchStmt(s *syn.Match) (ctl, error) {
	subject, err := fr.eval(s.Subject)
	if err != nil {
		return ctlNext, err
	}
	for _, c := range s.Cases {
		ok, err := fr.match(c.Pattern, subject)
		if err != nil {
			fr.annotate(err, c.Pattern)
			return ctlNext, err
		}
		if !ok {
			continue
		}
		if c.Guard != nil {
			t, err := fr.truth(c.Guard)
			if err != nil {
				return ctlNext, err
			}
			if !t {
				continue
			}
		}
		return fr.block(c.Body)
	}
	return ctlNext, nil
}

// selfMatching are the builtin classes whose single positional pattern
// matches the subject itself.
func selfMatching(c *Class) bool {
	for _, k := range []*Class{BoolClass, BytesClass, DictClass, FloatClass, FrozenSetClass, IntClass, ListClass, SetClass, StrClass, TupleClass} {
		if c == k {
			return true
		}
	}
	return false
}

// match tests a pattern against v, binding its captures.
func (fr *frame) match(p syn.Pattern, v Value) (bool, error) {
	th := fr.th
	switch p := p.(type) {
	case *syn.MatchValue:
		want, err := fr.eval(p.Value)
		if err != nil {
			return false, err
		}
		if lit, ok := p.Value.(*syn.Lit); ok && lit.Tok != syn.ELLIPSIS {
			return Is(v, want), nil
		}
		return Equal(th, v, want)
	case *syn.MatchAs:
		if p.Pattern != nil {
			ok, err := fr.match(p.Pattern, v)
			if err != nil || !ok {
				return ok, err
			}
		}
		if p.Name != nil {
			return true, fr.env.store(p.Name.ID, v)
		}
		return true, nil
	case *syn.MatchGroup:
		return fr.match(p.Pattern, v)
	case *syn.MatchOr:
		for _, alt := range p.Patterns {
			ok, err := fr.match(alt, v)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case *syn.MatchSequence:
		var items []Value
		switch x := v.(type) {
		case Tuple:
			items = x
		case *List:
			items = x.Elems
		case *rangeValue:
			all, err := ToSlice(th, x)
			if err != nil {
				return false, err
			}
			items = all
		case *Unknown:
			return false, x.fatal("matching this value")
		default:
			return false, nil
		}
		star := -1
		for i, sp := range p.Patterns {
			if _, ok := sp.(*syn.MatchStar); ok {
				star = i
			}
		}
		if star < 0 {
			if len(items) != len(p.Patterns) {
				return false, nil
			}
			for i, sp := range p.Patterns {
				ok, err := fr.match(sp, items[i])
				if err != nil || !ok {
					return ok, err
				}
			}
			return true, nil
		}
		if len(items) < len(p.Patterns)-1 {
			return false, nil
		}
		after := len(p.Patterns) - star - 1
		for i := 0; i < star; i++ {
			ok, err := fr.match(p.Patterns[i], items[i])
			if err != nil || !ok {
				return ok, err
			}
		}
		for i := 0; i < after; i++ {
			ok, err := fr.match(p.Patterns[star+1+i], items[len(items)-after+i])
			if err != nil || !ok {
				return ok, err
			}
		}
		if name := p.Patterns[star].(*syn.MatchStar).Name; name != nil {
			rest := append([]Value{}, items[star:len(items)-after]...)
			return true, fr.env.store(name.ID, NewList(rest))
		}
		return true, nil
	case *syn.MatchMapping:
		d, ok := v.(*Dict)
		if !ok {
			if u, isUnknown := v.(*Unknown); isUnknown {
				return false, u.fatal("matching this value")
			}
			return false, nil
		}
		used := NewSet(false)
		for i, ke := range p.Keys {
			k, err := fr.eval(ke)
			if err != nil {
				return false, err
			}
			val, found, err := d.Get(th, k)
			if err != nil || !found {
				return false, err
			}
			if err := used.Add(th, k); err != nil {
				return false, err
			}
			ok, err := fr.match(p.Patterns[i], val)
			if err != nil || !ok {
				return ok, err
			}
		}
		if p.Rest != nil {
			rest := NewDict()
			for _, kv := range d.Items() {
				in, err := used.Has(th, kv[0])
				if err != nil {
					return false, err
				}
				if !in {
					if err := rest.SetItem(th, kv[0], kv[1]); err != nil {
						return false, err
					}
				}
			}
			return true, fr.env.store(p.Rest.ID, rest)
		}
		return true, nil
	case *syn.MatchClass:
		cv, err := fr.eval(p.Cls)
		if err != nil {
			return false, err
		}
		cls, ok := cv.(*Class)
		if !ok {
			return false, typeErrorf("called match pattern must be a class")
		}
		if u, isUnknown := v.(*Unknown); isUnknown {
			return false, u.fatal("matching this value")
		}
		if !v.Type().IsSubclass(cls) {
			return false, nil
		}
		if len(p.Patterns) > 0 {
			if selfMatching(cls) {
				if len(p.Patterns) > 1 {
					return false, typeErrorf("%s() accepts 1 positional sub-pattern (%d given)", cls.Name, len(p.Patterns))
				}
				return fr.match(p.Patterns[0], v)
			}
			ma, _ := cls.Lookup("__match_args__")
			names, ok := ma.(Tuple)
			if ma == nil {
				names, ok = Tuple{}, true
			}
			if !ok {
				return false, typeErrorf("%s.__match_args__ must be a tuple (got %s)", cls.Name, TypeName(ma))
			}
			if len(p.Patterns) > len(names) {
				return false, typeErrorf("%s() accepts %d positional sub-pattern%s (%d given)", cls.Name, len(names), plural(len(names)), len(p.Patterns))
			}
			for i, sp := range p.Patterns {
				name, _ := names[i].(Str)
				a, err := getAttrOpt(th, v, string(name))
				if err != nil || a == nil {
					return false, err
				}
				ok, err := fr.match(sp, a)
				if err != nil || !ok {
					return ok, err
				}
			}
		}
		for i, kn := range p.KwdAttrs {
			a, err := getAttrOpt(th, v, kn.ID)
			if err != nil || a == nil {
				return false, err
			}
			ok, err := fr.match(p.KwdPatterns[i], a)
			if err != nil || !ok {
				return ok, err
			}
		}
		return true, nil
	}
	return false, fatalf("unsupported pattern %T", p)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
