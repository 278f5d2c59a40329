package pyrt

import (
	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// indexOf converts an index value to an int (ints, bools and __index__).
func indexOf(th *Thread, v Value, what string) (Int, error) {
	switch x := v.(type) {
	case Int:
		return x, nil
	case Bool:
		return boolToInt(x), nil
	case *Instance:
		if m, _ := x.Class.Lookup("__index__"); m != nil {
			r, err := th.Call(m, []Value{x}, nil)
			if err != nil {
				return Int{}, err
			}
			if i, ok := r.(Int); ok {
				return i, nil
			}
		}
		if i, ok := x.Payload.(Int); ok {
			return i, nil
		}
	case *Unknown:
		return Int{}, x.fatal("this index")
	}
	return Int{}, typeErrorf(what, TypeName(v))
}

// seqIndex normalises an index of a sequence of length n. kind names the
// sequence in CPython's messages: "tuple", "list", "string", "bytes",
// "list assignment" or "pop".
func seqIndex(th *Thread, v Value, n int, kind string) (int, error) {
	typeMsg := kind + " indices must be integers or slices, not %s"
	indexMsg := kind + " index out of range"
	switch kind {
	case "string":
		typeMsg = "string indices must be integers, not '%s'"
	case "bytes":
		typeMsg, indexMsg = "byte indices must be integers or slices, not %s", "index out of range"
	case "list assignment":
		typeMsg = "list indices must be integers or slices, not %s"
	case "pop":
		typeMsg = "'%s' object cannot be interpreted as an integer"
	}
	i, err := indexOf(th, v, typeMsg)
	if err != nil {
		return 0, err
	}
	x, ok := i.Int64()
	if !ok {
		return 0, excf(IndexErrorClass, "cannot fit 'int' into an index-sized integer")
	}
	if x < 0 {
		x += int64(n)
	}
	if x < 0 || x >= int64(n) {
		return 0, excf(IndexErrorClass, "%s", indexMsg)
	}
	return int(x), nil
}

// sliceIndices is slice.indices(n): start, stop, step.
func sliceIndices(th *Thread, s *Slice, n int) (int, int, int, error) {
	get := func(v Value) (*int64, error) {
		if v == None {
			return nil, nil
		}
		i, err := indexOf(th, v, "slice indices must be integers or None or have an __index__ method")
		if err != nil {
			return nil, err
		}
		x, ok := i.Int64()
		if !ok {
			if i.Sign() < 0 {
				x = -1 << 62
			} else {
				x = 1 << 62
			}
		}
		return &x, nil
	}
	step := int64(1)
	if p, err := get(s.Step); err != nil {
		return 0, 0, 0, err
	} else if p != nil {
		step = *p
		if step == 0 {
			return 0, 0, 0, valueErrorf("slice step cannot be zero")
		}
	}
	ln := int64(n)
	clamp := func(p *int64, def int64) int64 {
		if p == nil {
			return def
		}
		x := *p
		if x < 0 {
			x += ln
			if x < 0 {
				if step < 0 {
					return -1
				}
				return 0
			}
		}
		if x >= ln {
			if step < 0 {
				return ln - 1
			}
			return ln
		}
		return x
	}
	var start, stop int64
	sp, err := get(s.Start)
	if err != nil {
		return 0, 0, 0, err
	}
	ep, err := get(s.Stop)
	if err != nil {
		return 0, 0, 0, err
	}
	if step > 0 {
		start, stop = clamp(sp, 0), clamp(ep, ln)
	} else {
		start, stop = clamp(sp, ln-1), clamp(ep, -1)
	}
	return int(start), int(stop), int(step), nil
}

// sliceRange lists the indexes a slice selects.
func sliceRange(start, stop, step int) []int {
	var out []int
	if step > 0 {
		for i := start; i < stop; i += step {
			out = append(out, i)
		}
	} else {
		for i := start; i > stop; i += step {
			out = append(out, i)
		}
	}
	return out
}

// GetItem is v[k].
func GetItem(th *Thread, v, k Value) (Value, error) {
	switch x := v.(type) {
	case *Unknown:
		return &Unknown{Why: x.Why, At: x.At}, nil
	case Tuple:
		if s, ok := k.(*Slice); ok {
			return Tuple(sliceValues(th, x, s)), sliceErr(th, s, len(x))
		}
		i, err := seqIndex(th, k, len(x), "tuple")
		if err != nil {
			return nil, err
		}
		return x[i], nil
	case *List:
		if s, ok := k.(*Slice); ok {
			return NewList(sliceValues(th, x.Elems, s)), sliceErr(th, s, len(x.Elems))
		}
		i, err := seqIndex(th, k, len(x.Elems), "list")
		if err != nil {
			return nil, err
		}
		return x.Elems[i], nil
	case Str:
		rs := runesOf(string(x))
		if s, ok := k.(*Slice); ok {
			start, stop, step, err := sliceIndices(th, s, len(rs))
			if err != nil {
				return nil, err
			}
			if step == 1 {
				if stop < start {
					return Str(""), nil
				}
				return fromRunes(rs[start:stop]), nil
			}
			var out []rune
			for _, i := range sliceRange(start, stop, step) {
				out = append(out, rs[i])
			}
			return fromRunes(out), nil
		}
		i, err := seqIndex(th, k, len(rs), "string")
		if err != nil {
			return nil, err
		}
		return runeStr(rs[i]), nil
	case Bytes:
		if s, ok := k.(*Slice); ok {
			start, stop, step, err := sliceIndices(th, s, len(x))
			if err != nil {
				return nil, err
			}
			var out []byte
			for _, i := range sliceRange(start, stop, step) {
				out = append(out, x[i])
			}
			return Bytes(out), nil
		}
		i, err := seqIndex(th, k, len(x), "bytes")
		if err != nil {
			return nil, err
		}
		return MakeInt(int64(x[i])), nil
	case *Dict:
		r, ok, err := x.Get(th, k)
		if err != nil {
			return nil, err
		}
		if !ok {
			if x.Class != nil {
				if m, _ := x.Class.Lookup("__missing__"); m != nil {
					return th.Call(m, []Value{x, k}, nil)
				}
			}
			return nil, NewException(KeyErrorClass, k)
		}
		return r, nil
	case *rangeValue:
		return x.getItem(th, k)
	case *Class:
		if m, _ := x.Lookup("__class_getitem__"); m != nil {
			fn := m
			if cm, ok := fn.(*ClassMethod); ok {
				fn = cm.Func
			}
			return th.Call(fn, []Value{x, k}, nil)
		}
		if meta := x.Type(); meta != TypeClass {
			if m, _ := meta.Lookup("__getitem__"); m != nil {
				return th.Call(m, []Value{x, k}, nil)
			}
		}
		if genericBuiltin(x) {
			return newGenericAlias(x, k), nil
		}
		return nil, typeErrorf("type '%s' is not subscriptable", x.Name)
	case *Instance:
		if m, _ := x.Class.Lookup("__getitem__"); m != nil {
			return th.Call(m, []Value{x, k}, nil)
		}
		if w := x.wrapped(); w != nil {
			return GetItem(th, w, k)
		}
	}
	if g, ok := v.(interface {
		getItem(th *Thread, k Value) (Value, error)
	}); ok {
		return g.getItem(th, k)
	}
	return nil, typeErrorf("'%s' object is not subscriptable", TypeName(v))
}

func sliceValues(th *Thread, elems []Value, s *Slice) []Value {
	start, stop, step, err := sliceIndices(th, s, len(elems))
	if err != nil {
		return nil
	}
	out := []Value{}
	for _, i := range sliceRange(start, stop, step) {
		out = append(out, elems[i])
	}
	return out
}

func sliceErr(th *Thread, s *Slice, n int) error {
	_, _, _, err := sliceIndices(th, s, n)
	return err
}

// SetItem is v[k] = x.
func SetItem(th *Thread, v, k, x Value) error {
	switch o := v.(type) {
	case *Unknown:
		return nil
	case *List:
		if s, ok := k.(*Slice); ok {
			items, err := ToSlice(th, x)
			if err != nil {
				return typeErrorf("can only assign an iterable")
			}
			start, stop, step, err := sliceIndices(th, s, len(o.Elems))
			if err != nil {
				return err
			}
			if step == 1 {
				if stop < start {
					stop = start
				}
				out := append([]Value{}, o.Elems[:start]...)
				out = append(out, items...)
				o.Elems = append(out, o.Elems[stop:]...)
				return nil
			}
			idx := sliceRange(start, stop, step)
			if len(idx) != len(items) {
				return valueErrorf("attempt to assign sequence of size %d to extended slice of size %d", len(items), len(idx))
			}
			for j, i := range idx {
				o.Elems[i] = items[j]
			}
			return nil
		}
		i, err := seqIndex(th, k, len(o.Elems), "list assignment")
		if err != nil {
			return err
		}
		o.Elems[i] = x
		return nil
	case *Dict:
		return o.SetItem(th, k, x)
	case *Instance:
		if m, _ := o.Class.Lookup("__setitem__"); m != nil {
			_, err := th.Call(m, []Value{o, k, x}, nil)
			return err
		}
	}
	return typeErrorf("'%s' object does not support item assignment", TypeName(v))
}

// DelItem is del v[k].
func DelItem(th *Thread, v, k Value) error {
	switch o := v.(type) {
	case *List:
		if s, ok := k.(*Slice); ok {
			start, stop, step, err := sliceIndices(th, s, len(o.Elems))
			if err != nil {
				return err
			}
			drop := map[int]bool{}
			for _, i := range sliceRange(start, stop, step) {
				drop[i] = true
			}
			out := o.Elems[:0:0]
			for i, e := range o.Elems {
				if !drop[i] {
					out = append(out, e)
				}
			}
			o.Elems = out
			return nil
		}
		i, err := seqIndex(th, k, len(o.Elems), "list assignment")
		if err != nil {
			return err
		}
		o.Elems = append(o.Elems[:i:i], o.Elems[i+1:]...)
		return nil
	case *Dict:
		_, ok, err := o.ht.delete(th, k)
		if err != nil {
			return err
		}
		if !ok {
			return NewException(KeyErrorClass, k)
		}
		return nil
	case *Instance:
		if m, _ := o.Class.Lookup("__delitem__"); m != nil {
			_, err := th.Call(m, []Value{o, k}, nil)
			return err
		}
	}
	return typeErrorf("'%s' object doesn't support item deletion", TypeName(v))
}

// rangeValue is a range object.
type rangeValue struct {
	start, stop, step Int
}

func (*rangeValue) Type() *Class { return RangeClass }

func (r *rangeValue) length() Int {
	// len = max(0, (stop - start + step - sign(step)) // step)
	var n Int
	if r.step.Sign() > 0 {
		if r.start.Cmp(r.stop) >= 0 {
			return MakeInt(0)
		}
		n, _ = r.stop.Sub(r.start).Add(r.step).Sub(MakeInt(1)).DivMod(r.step)
	} else {
		if r.start.Cmp(r.stop) <= 0 {
			return MakeInt(0)
		}
		n, _ = r.start.Sub(r.stop).Sub(r.step).Sub(MakeInt(1)).DivMod(r.step.Neg())
	}
	return n
}

func (r *rangeValue) at(i Int) Int { return r.start.Add(i.Mul(r.step)) }

func (r *rangeValue) iterate() Iterator {
	n := r.length()
	i := MakeInt(0)
	return &funcIter{next: func(int) (Value, bool) {
		if i.Cmp(n) >= 0 {
			return nil, false
		}
		v := r.at(i)
		i = i.Add(MakeInt(1))
		return v, true
	}}
}

func (r *rangeValue) contains(v Int) bool {
	if r.step.Sign() > 0 && (v.Cmp(r.start) < 0 || v.Cmp(r.stop) >= 0) {
		return false
	}
	if r.step.Sign() < 0 && (v.Cmp(r.start) > 0 || v.Cmp(r.stop) <= 0) {
		return false
	}
	_, m := v.Sub(r.start).DivMod(r.step)
	return m.Sign() == 0
}

func (r *rangeValue) getItem(th *Thread, k Value) (Value, error) {
	n := r.length()
	if s, ok := k.(*Slice); ok {
		ln, _ := n.Int64()
		start, stop, step, err := sliceIndices(th, s, int(ln))
		if err != nil {
			return nil, err
		}
		st := MakeInt(int64(step))
		return &rangeValue{start: r.at(MakeInt(int64(start))), stop: r.at(MakeInt(int64(stop))), step: r.step.Mul(st)}, nil
	}
	i, err := indexOf(th, k, "range indices must be integers or slices, not %s")
	if err != nil {
		return nil, err
	}
	if i.Sign() < 0 {
		i = i.Add(n)
	}
	if i.Sign() < 0 || i.Cmp(n) >= 0 {
		return nil, excf(IndexErrorClass, "range object index out of range")
	}
	return r.at(i), nil
}

func (r *rangeValue) repr(*Thread) (string, error) {
	if r.step.Cmp(MakeInt(1)) == 0 {
		return "range(" + r.start.String() + ", " + r.stop.String() + ")", nil
	}
	return "range(" + r.start.String() + ", " + r.stop.String() + ", " + r.step.String() + ")", nil
}

func (r *rangeValue) compare(th *Thread, op syn.CmpKind, b Value) (bool, bool, error) {
	o, ok := b.(*rangeValue)
	if !ok || (op != syn.CmpEq && op != syn.CmpNotEq) {
		return false, false, nil
	}
	eq := rangeEqual(r, o)
	return eq == (op == syn.CmpEq), true, nil
}

func rangeEqual(a, b *rangeValue) bool {
	na, nb := a.length(), b.length()
	if na.Cmp(nb) != 0 {
		return false
	}
	if na.Sign() == 0 {
		return true
	}
	if a.start.Cmp(b.start) != 0 {
		return false
	}
	return na.Cmp(MakeInt(1)) == 0 || a.step.Cmp(b.step) == 0
}
