package contract

import "sync"

// scratch is the working memory of one compilation that nothing compiled
// keeps: the graph's tables and the compiler's marks. A compilation takes
// one from scratches and puts it back, so that compiling service after
// service reuses the memory rather than allocating it anew.
type scratch struct {
	ints  []int32
	bools []bool
	strs  []string
	// usedInts, usedBools and usedStrs are how much of each is taken.
	usedInts, usedBools, usedStrs int
	index                         map[string]int32
	fields                        []FieldDef
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// take returns n zeroed elements of *buf from *used on, with no room to
// append beyond them, making *buf anew (twice as large, or n) when fewer
// are left: what was taken before stays where it is.
func take[T any](buf *[]T, used *int, n int) []T {
	if len(*buf)-*used < n {
		*buf, *used = make([]T, max(2*len(*buf), n)), 0
	}
	s := (*buf)[*used : *used+n : *used+n]
	*used += n
	clear(s)
	return s
}

// reserve makes room for a compilation of n nodes with f fields and e
// extra edges in all, so that it takes all it needs from one allocation of
// each kind at most.
func (sc *scratch) reserve(n, f, e int) {
	ints := 12*n + 2 + 5*f + e // see newGraph, components and compileKeeping
	bools := 3*n + 2*f + e
	if len(sc.ints) < ints {
		sc.ints = make([]int32, ints)
	}
	if len(sc.bools) < bools {
		sc.bools = make([]bool, bools)
	}
	if len(sc.strs) < 2*n {
		sc.strs = make([]string, 2*n)
	}
	if sc.index == nil {
		sc.index = make(map[string]int32, n)
	}
}

// int32s, flags and names take n zeroed elements of their kind.
func (sc *scratch) int32s(n int) []int32 { return take(&sc.ints, &sc.usedInts, n) }
func (sc *scratch) flags(n int) []bool   { return take(&sc.bools, &sc.usedBools, n) }
func (sc *scratch) names(n int) []string { return take(&sc.strs, &sc.usedStrs, n) }

// release empties the scratch and puts it back for the next compilation.
func (sc *scratch) release() {
	sc.usedInts, sc.usedBools, sc.usedStrs = 0, 0, 0
	clear(sc.strs) // the strings are not kept alive by the pool
	clear(sc.index)
	clear(sc.fields)
	scratches.Put(sc)
}
