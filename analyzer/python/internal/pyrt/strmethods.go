package pyrt

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

var (
	upperCaser = cases.Upper(language.Und)
	lowerCaser = cases.Lower(language.Und)
	foldCaser  = cases.Fold()
	titleCaser = cases.Title(language.Und, cases.NoLower)
)

// strArg returns a str argument or a TypeError naming the method.
func strArg(name string, v Value) (string, error) {
	s, ok := v.(Str)
	if !ok {
		return "", typeErrorf("%s arg must be None or str", name)
	}
	return string(s), nil
}

// mapRunes applies a per-character mapping (full case mappings may
// produce several characters).
func mapRunes(s string, f func(prev rune, r rune) string) string {
	var b strings.Builder
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		i += n
		b.WriteString(f(prev, r))
		prev = r
	}
	return b.String()
}

func isCased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r)
}

func runeUpper(r rune) string { return upperCaser.String(string(r)) }
func runeLower(r rune) string { return lowerCaser.String(string(r)) }
func runeTitle(r rune) string { return titleCaser.String(string(r)) }

// pyTitle is str.title().
func pyTitle(s string) string {
	prevCased := false
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		i += n
		if prevCased {
			b.WriteString(runeLower(r))
		} else {
			b.WriteString(runeTitle(r))
		}
		prevCased = isCased(r)
	}
	return b.String()
}

// subRange converts optional start/end arguments of a str method to code
// point indexes as CPython's ADJUST_INDICES does: negative values count
// from the end, end is clamped to n, start may exceed n.
func subRange(args []Value, n int) (int, int, error) {
	get := func(i, def int) (int, error) {
		if len(args) <= i || args[i] == None {
			return def, nil
		}
		v, err := indexOf(nil, args[i], "slice indices must be integers or None or have an __index__ method")
		if err != nil {
			return 0, err
		}
		x, ok := v.Int64()
		if !ok {
			if v.Sign() < 0 {
				return 0, nil
			}
			return n + 1, nil
		}
		if x < 0 {
			x += int64(n)
			if x < 0 {
				x = 0
			}
		}
		return int(min(x, int64(n)+1)), nil
	}
	start, err := get(0, 0)
	if err != nil {
		return 0, 0, err
	}
	end, err := get(1, n)
	if err != nil {
		return 0, 0, err
	}
	return start, min(end, n), nil
}

// findIn finds sub in s[start:end] (code points); reverse finds the last.
func findIn(s, sub string, args []Value, reverse bool) (int, error) {
	ascii := isASCII(s)
	var n int
	if ascii {
		n = len(s)
	} else {
		n = strLen(s)
	}
	lo, hi, err := subRange(args, n)
	if err != nil {
		return -1, err
	}
	// Python allows an empty match at start even when start == len.
	if lo > n || hi < lo {
		if sub == "" && lo <= n && hi >= lo {
			return lo, nil
		}
		return -1, nil
	}
	bl, bh := lo, hi
	if !ascii {
		bl, bh = runeIndexToByte(s, lo), runeIndexToByte(s, hi)
	}
	seg := s[bl:bh]
	var i int
	if reverse {
		i = strings.LastIndex(seg, sub)
	} else {
		i = strings.Index(seg, sub)
	}
	if i < 0 {
		return -1, nil
	}
	if ascii {
		return lo + i, nil
	}
	return lo + byteToRuneIndex(seg, i), nil
}

func indexStr(s, sub string) int { return strings.Index(s, sub) }

// pySplit is str.split with sep == "" meaning whitespace.
func pySplit(s, sep string, maxsplit int) []string {
	if sep == "" {
		var out []string
		i := 0
		for {
			for i < len(s) {
				r, n := decodeRune(s[i:])
				if !isPySpace(r) {
					break
				}
				i += n
			}
			if i >= len(s) {
				return out
			}
			if maxsplit >= 0 && len(out) == maxsplit {
				return append(out, s[i:])
			}
			j := i
			for j < len(s) {
				r, n := decodeRune(s[j:])
				if isPySpace(r) {
					break
				}
				j += n
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	if maxsplit < 0 {
		return strings.Split(s, sep)
	}
	return strings.SplitN(s, sep, maxsplit+1)
}

// pyRSplit is str.rsplit.
func pyRSplit(s, sep string, maxsplit int) []string {
	if maxsplit < 0 {
		return pySplit(s, sep, -1)
	}
	var out []string
	if sep == "" {
		j := len(s)
		for {
			for j > 0 {
				r, n := lastRune(s[:j])
				if !isPySpace(r) {
					break
				}
				j -= n
			}
			if j <= 0 {
				break
			}
			if len(out) == maxsplit {
				out = append(out, s[:j])
				break
			}
			i := j
			for i > 0 {
				r, n := lastRune(s[:i])
				if isPySpace(r) {
					break
				}
				i -= n
			}
			out = append(out, s[i:j])
			j = i
		}
	} else {
		rest := s
		for len(out) < maxsplit {
			i := strings.LastIndex(rest, sep)
			if i < 0 {
				break
			}
			out = append(out, rest[i+len(sep):])
			rest = rest[:i]
		}
		out = append(out, rest)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func lastRune(s string) (rune, int) {
	r, n := utf8.DecodeLastRuneInString(s)
	if r != utf8.RuneError || n != 1 {
		return r, n
	}
	if len(s) >= 3 {
		if sr, sn := decodeRune(s[len(s)-3:]); sn == 3 {
			return sr, 3
		}
	}
	return 0xdc00 | rune(s[len(s)-1]), 1
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func pySplitLines(s string, keep bool) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		if !isLineBreak(r) {
			i += n
			continue
		}
		end := i + n
		if r == '\r' && end < len(s) && s[end] == '\n' {
			end++
		}
		if keep {
			out = append(out, s[start:end])
		} else {
			out = append(out, s[start:i])
		}
		start, i = end, end
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func strsToList(parts []string, mk func(string) Value) *List {
	out := make([]Value, len(parts))
	for i, p := range parts {
		out[i] = mk(p)
	}
	return NewList(out)
}

// stripChars strips the characters of chars ("" with whitespace) from
// the left and/or right.
func stripChars(s string, chars Value, left, right bool) (string, error) {
	pred := isPySpace
	if chars != nil && chars != None {
		cs, ok := chars.(Str)
		if !ok {
			return "", typeErrorf("strip arg must be None or str")
		}
		set := runesOf(string(cs))
		pred = func(r rune) bool {
			for _, c := range set {
				if c == r {
					return true
				}
			}
			return false
		}
	}
	if left {
		for len(s) > 0 {
			r, n := decodeRune(s)
			if !pred(r) {
				break
			}
			s = s[n:]
		}
	}
	if right {
		for len(s) > 0 {
			r, n := lastRune(s)
			if !pred(r) {
				break
			}
			s = s[:len(s)-n]
		}
	}
	return s, nil
}

// padStr pads s to width with fill: align is '<', '>' or '^'.
func padStr(s string, width int, fill rune, align byte) string {
	n := strLen(s)
	if width <= n {
		return s
	}
	pad := width - n
	f := string(runeStr(fill))
	switch align {
	case '<':
		return s + strings.Repeat(f, pad)
	case '>':
		return strings.Repeat(f, pad) + s
	}
	left := pad / 2
	right := pad - left
	return strings.Repeat(f, left) + s + strings.Repeat(f, right)
}

// centerStr is str.center (which rounds differently from format's '^').
func centerStr(s string, width int, fill rune) string {
	n := strLen(s)
	if width <= n {
		return s
	}
	marg := width - n
	left := marg/2 + (marg & width & 1)
	f := string(runeStr(fill))
	return strings.Repeat(f, left) + s + strings.Repeat(f, marg-left)
}

func fillArg(name string, args []Value) (rune, error) {
	if len(args) < 2 {
		return ' ', nil
	}
	s, ok := args[1].(Str)
	if !ok {
		return 0, typeErrorf("%s() argument 2 must be str, not %s", name, TypeName(args[1]))
	}
	rs := runesOf(string(s))
	if len(rs) != 1 {
		return 0, typeErrorf("The fill character must be exactly one character long")
	}
	return rs[0], nil
}

func intArg(th *Thread, v Value) (int, error) {
	i, err := indexOf(th, v, "'%s' object cannot be interpreted as an integer")
	if err != nil {
		return 0, err
	}
	n, ok := i.Int64()
	if !ok {
		return 0, excf(OverflowErrorClass, "Python int too large to convert to C ssize_t")
	}
	return int(n), nil
}

// widthArg is a width argument (ljust, zfill, …), bounded by sizeLimit.
func widthArg(th *Thread, v Value) (int, error) {
	n, err := intArg(th, v)
	if err != nil {
		return 0, err
	}
	return n, sizeLimit(n)
}

// affixTest implements startswith/endswith.
func affixTest(th *Thread, name string, s string, args []Value, end bool) (Value, error) {
	if err := arity(name, args, 1, 3); err != nil {
		return nil, err
	}
	lo, hi, err := subRange(args[1:], strLen(s))
	if err != nil {
		return nil, err
	}
	rs := runesOf(s)
	var seg string
	if lo <= hi && lo <= len(rs) {
		seg = string(fromRunes(rs[lo:hi]))
	} else {
		return Bool(false), nil
	}
	test := func(v Value) (bool, error) {
		a, ok := v.(Str)
		if !ok {
			return false, typeErrorf("tuple for %s must only contain str, not %s", name, TypeName(v))
		}
		if end {
			return strings.HasSuffix(seg, string(a)), nil
		}
		return strings.HasPrefix(seg, string(a)), nil
	}
	switch a := args[0].(type) {
	case Tuple:
		for _, x := range a {
			ok, err := test(x)
			if err != nil || ok {
				return Bool(ok), err
			}
		}
		return Bool(false), nil
	case Str:
		ok, err := test(a)
		return Bool(ok), err
	}
	return nil, typeErrorf("%s first arg must be str or a tuple of str, not %s", name, TypeName(args[0]))
}

func allRunes(s string, f func(r rune) bool) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		i += n
		if !f(r) {
			return false
		}
	}
	return true
}

func isPyAlpha(r rune) bool {
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lm, unicode.Lo)
}
func isPyDecimal(r rune) bool { return unicode.Is(unicode.Nd, r) }
func isPyDigit(r rune) bool {
	return isPyDecimal(r) || unicode.Is(unicode.No, r) && digitLike(r)
}
func isPyNumeric(r rune) bool {
	return unicode.In(r, unicode.Nd, unicode.Nl, unicode.No) || isCJKNumeral(r)
}

// digitLike reports the No characters with Numeric_Type=Digit
// (superscripts, circled and parenthesized digits 1-9 and the like).
func digitLike(r rune) bool {
	switch {
	case r == 0xb2 || r == 0xb3 || r == 0xb9:
		return true
	case r >= 0x2070 && r <= 0x2079, r >= 0x2080 && r <= 0x2089:
		return true
	case r >= 0x2460 && r <= 0x2468, r >= 0x2474 && r <= 0x247c, r >= 0x2488 && r <= 0x2490:
		return true
	case r == 0x24ea, r >= 0x24f5 && r <= 0x24fd, r == 0x24ff:
		return true
	case r >= 0x2776 && r <= 0x277e, r >= 0x2780 && r <= 0x2788, r >= 0x278a && r <= 0x2792:
		return true
	case r >= 0x1369 && r <= 0x1371, r == 0x19da:
		return true
	case r >= 0x10a40 && r <= 0x10a43, r >= 0x1d7ce && r <= 0x1d7ff, r >= 0x1f100 && r <= 0x1f10a:
		return true
	}
	return false
}

func isCJKNumeral(r rune) bool {
	return strings.ContainsRune("〇一二三四五六七八九十百千万億兆零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟", r)
}

func isPyAlnum(r rune) bool { return isPyAlpha(r) || isPyNumeric(r) }

func isPyIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range runesOf(s) {
		start := r == '_' || unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lm, unicode.Lo, unicode.Nl) || unicode.Is(unicode.Other_ID_Start, r)
		if i == 0 && !start {
			return false
		}
		if !start && !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) && !unicode.Is(unicode.Other_ID_Continue, r) {
			return false
		}
	}
	return true
}

// caseState reports whether s has a cased character and whether all its
// cased characters satisfy ok.
func caseState(s string, ok func(r rune) bool) bool {
	cased := false
	for _, r := range runesOf(s) {
		if isCased(r) {
			if !ok(r) {
				return false
			}
			cased = true
		}
	}
	return cased
}

func isTitleStr(s string) bool {
	cased, prevCased := false, false
	for _, r := range runesOf(s) {
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			if prevCased {
				return false
			}
			prevCased, cased = true, true
		case unicode.IsLower(r):
			if !prevCased {
				return false
			}
			prevCased, cased = true, true
		default:
			prevCased = false
		}
	}
	return cased
}

func expandTabs(s string, size int) string {
	var b strings.Builder
	col := 0
	for _, r := range runesOf(s) {
		switch r {
		case '\t':
			if size > 0 {
				n := size - col%size
				b.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteString(string(runeStr(r)))
			col++
		}
	}
	return b.String()
}

func initStrMethods() {
	sm := func(name string, fn func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error)) {
		method(StrClass, name, func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			s, ok := builtinPayload(self).(Str)
			if !ok {
				return nil, typeErrorf("descriptor '%s' requires a 'str' object but received a '%s'", name, TypeName(self))
			}
			return fn(th, string(s), args, kwargs)
		})
	}
	simple := func(name string, f func(string) string) {
		sm(name, func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity("str."+name, args, 0, 0); err != nil {
				return nil, err
			}
			return Str(f(s)), nil
		})
	}
	simple("upper", func(s string) string { return mapRunes(s, func(_, r rune) string { return runeUpper(r) }) })
	simple("lower", func(s string) string { return lowerCaser.String(s) })
	simple("casefold", func(s string) string { return foldCaser.String(s) })
	simple("title", pyTitle)
	simple("swapcase", func(s string) string {
		rs := runesOf(s)
		var b strings.Builder
		for i, r := range rs {
			switch {
			case r == 'Σ':
				if finalSigma(rs, i) {
					b.WriteString("ς")
				} else {
					b.WriteString("σ")
				}
			case unicode.IsUpper(r):
				b.WriteString(runeLower(r))
			case unicode.IsLower(r):
				b.WriteString(runeUpper(r))
			default:
				b.WriteString(string(runeStr(r)))
			}
		}
		return b.String()
	})
	simple("capitalize", func(s string) string {
		if s == "" {
			return s
		}
		r, n := decodeRune(s)
		return runeTitle(r) + lowerCaser.String(s[n:])
	})
	pred := func(name string, f func(string) bool) {
		sm(name, func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity("str."+name, args, 0, 0); err != nil {
				return nil, err
			}
			return Bool(f(s)), nil
		})
	}
	pred("isalpha", func(s string) bool { return allRunes(s, isPyAlpha) })
	pred("isdigit", func(s string) bool { return allRunes(s, isPyDigit) })
	pred("isdecimal", func(s string) bool { return allRunes(s, isPyDecimal) })
	pred("isnumeric", func(s string) bool { return allRunes(s, isPyNumeric) })
	pred("isalnum", func(s string) bool { return allRunes(s, isPyAlnum) })
	pred("isspace", func(s string) bool { return allRunes(s, isPySpace) })
	pred("isascii", isASCII)
	pred("isidentifier", isPyIdentifier)
	pred("isprintable", func(s string) bool {
		return s == "" || allRunes(s, func(r rune) bool { return r == ' ' || printable(r) })
	})
	pred("islower", func(s string) bool {
		return caseState(s, func(r rune) bool { return !unicode.IsUpper(r) && !unicode.IsTitle(r) })
	})
	pred("isupper", func(s string) bool {
		return caseState(s, func(r rune) bool { return !unicode.IsLower(r) && !unicode.IsTitle(r) })
	})
	pred("istitle", isTitleStr)
	sm("join", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("str.join", args, 1, 1); err != nil {
			return nil, err
		}
		items, err := ToSlice(th, args[0])
		if err != nil {
			return nil, typeErrorf("can only join an iterable")
		}
		parts := make([]string, len(items))
		for i, it := range items {
			p, ok := builtinPayload(it).(Str)
			if !ok {
				return nil, typeErrorf("sequence item %d: expected str instance, %s found", i, TypeName(it))
			}
			parts[i] = string(p)
		}
		return Str(strings.Join(parts, s)), nil
	})
	splitFn := func(name string, rev bool) {
		sm(name, func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
			sep, maxV := Value(None), Value(MakeInt(-1))
			if len(args) > 0 {
				sep = args[0]
			}
			if len(args) > 1 {
				maxV = args[1]
			}
			if err := kwargsTo(name, kwargs, map[string]*Value{"sep": &sep, "maxsplit": &maxV}); err != nil {
				return nil, err
			}
			if err := arity(name, args, 0, 2); err != nil {
				return nil, err
			}
			maxsplit, err := intArg(th, maxV)
			if err != nil {
				return nil, err
			}
			sepStr := ""
			if sep != None {
				ss, ok := sep.(Str)
				if !ok {
					return nil, typeErrorf("must be str or None, not %s", TypeName(sep))
				}
				if ss == "" {
					return nil, valueErrorf("empty separator")
				}
				sepStr = string(ss)
			}
			var parts []string
			if rev {
				parts = pyRSplit(s, sepStr, maxsplit)
			} else {
				parts = pySplit(s, sepStr, maxsplit)
			}
			return strsToList(parts, func(p string) Value { return Str(p) }), nil
		})
	}
	splitFn("split", false)
	splitFn("rsplit", true)
	sm("splitlines", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		keep := Value(Bool(false))
		if len(args) > 0 {
			keep = args[0]
		}
		if err := kwargsTo("splitlines", kwargs, map[string]*Value{"keepends": &keep}); err != nil {
			return nil, err
		}
		k, err := Truth(th, keep)
		if err != nil {
			return nil, err
		}
		return strsToList(pySplitLines(s, k), func(p string) Value { return Str(p) }), nil
	})
	for _, m := range []struct {
		name        string
		left, right bool
	}{{"strip", true, true}, {"lstrip", true, false}, {"rstrip", false, true}} {
		m := m
		sm(m.name, func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity(m.name, args, 0, 1); err != nil {
				return nil, err
			}
			var chars Value
			if len(args) == 1 {
				chars = args[0]
			}
			r, err := stripChars(s, chars, m.left, m.right)
			return Str(r), err
		})
	}
	sm("replace", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("replace", args, 2, 3); err != nil {
			return nil, err
		}
		old, ok1 := args[0].(Str)
		nw, ok2 := args[1].(Str)
		if !ok1 || !ok2 {
			bad := args[0]
			if ok1 {
				bad = args[1]
			}
			return nil, typeErrorf("replace() argument %d must be str, not %s", map[bool]int{true: 2, false: 1}[ok1], TypeName(bad))
		}
		n := -1
		if len(args) == 3 {
			c, err := intArg(th, args[2])
			if err != nil {
				return nil, err
			}
			n = c
		}
		if n < 0 {
			n = -1
		}
		return Str(strings.Replace(s, string(old), string(nw), n)), nil
	})
	for _, m := range []struct {
		name     string
		rev, exc bool
	}{{"find", false, false}, {"rfind", true, false}, {"index", false, true}, {"rindex", true, true}} {
		m := m
		sm(m.name, func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity(m.name, args, 1, 3); err != nil {
				return nil, err
			}
			sub, ok := args[0].(Str)
			if !ok {
				return nil, typeErrorf("must be str, not %s", TypeName(args[0]))
			}
			i, err := findIn(s, string(sub), args[1:], m.rev)
			if err != nil {
				return nil, err
			}
			if i < 0 && m.exc {
				return nil, valueErrorf("substring not found")
			}
			return MakeInt(int64(i)), nil
		})
	}
	sm("count", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("count", args, 1, 3); err != nil {
			return nil, err
		}
		sub, ok := args[0].(Str)
		if !ok {
			return nil, typeErrorf("must be str, not %s", TypeName(args[0]))
		}
		n := strLen(s)
		lo, hi, err := subRange(args[1:], n)
		if err != nil {
			return nil, err
		}
		if lo > n || hi < lo {
			return MakeInt(0), nil
		}
		seg := s[runeIndexToByte(s, lo):runeIndexToByte(s, hi)]
		if sub == "" {
			return MakeInt(int64(strLen(seg) + 1)), nil
		}
		return MakeInt(int64(strings.Count(seg, string(sub)))), nil
	})
	sm("startswith", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		return affixTest(th, "startswith", s, args, false)
	})
	sm("endswith", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		return affixTest(th, "endswith", s, args, true)
	})
	sm("zfill", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("zfill", args, 1, 1); err != nil {
			return nil, err
		}
		w, err := widthArg(th, args[0])
		if err != nil {
			return nil, err
		}
		n := strLen(s)
		if w <= n {
			return Str(s), nil
		}
		pad := strings.Repeat("0", w-n)
		if s != "" && (s[0] == '+' || s[0] == '-') {
			return Str(s[:1] + pad + s[1:]), nil
		}
		return Str(pad + s), nil
	})
	for _, m := range []struct {
		name  string
		align byte
	}{{"ljust", '<'}, {"rjust", '>'}, {"center", '^'}} {
		m := m
		sm(m.name, func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity(m.name, args, 1, 2); err != nil {
				return nil, err
			}
			w, err := widthArg(th, args[0])
			if err != nil {
				return nil, err
			}
			fill, err := fillArg(m.name, args)
			if err != nil {
				return nil, err
			}
			if m.align == '^' {
				return Str(centerStr(s, w, fill)), nil
			}
			return Str(padStr(s, w, fill, m.align)), nil
		})
	}
	for _, m := range []struct {
		name string
		rev  bool
	}{{"partition", false}, {"rpartition", true}} {
		m := m
		sm(m.name, func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity(m.name, args, 1, 1); err != nil {
				return nil, err
			}
			sep, ok := args[0].(Str)
			if !ok {
				return nil, typeErrorf("must be str, not %s", TypeName(args[0]))
			}
			if sep == "" {
				return nil, valueErrorf("empty separator")
			}
			var i int
			if m.rev {
				i = strings.LastIndex(s, string(sep))
				if i < 0 {
					return Tuple{Str(""), Str(""), Str(s)}, nil
				}
			} else {
				i = strings.Index(s, string(sep))
				if i < 0 {
					return Tuple{Str(s), Str(""), Str("")}, nil
				}
			}
			return Tuple{Str(s[:i]), sep, Str(s[i+len(sep):])}, nil
		})
	}
	sm("removeprefix", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("removeprefix", args, 1, 1); err != nil {
			return nil, err
		}
		p, err := strArg("removeprefix", args[0])
		return Str(strings.TrimPrefix(s, p)), err
	})
	sm("removesuffix", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("removesuffix", args, 1, 1); err != nil {
			return nil, err
		}
		p, err := strArg("removesuffix", args[0])
		return Str(strings.TrimSuffix(s, p)), err
	})
	sm("expandtabs", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		size := Value(MakeInt(8))
		if len(args) > 0 {
			size = args[0]
		}
		if err := kwargsTo("expandtabs", kwargs, map[string]*Value{"tabsize": &size}); err != nil {
			return nil, err
		}
		n, err := widthArg(th, size)
		if err != nil {
			return nil, err
		}
		if err := sizeLimit(n * strings.Count(s, "\t")); err != nil {
			return nil, err
		}
		return Str(expandTabs(s, n)), nil
	})
	sm("encode", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		enc, errs := Value(Str("utf-8")), Value(Str("strict"))
		if len(args) > 0 {
			enc = args[0]
		}
		if len(args) > 1 {
			errs = args[1]
		}
		if err := kwargsTo("encode", kwargs, map[string]*Value{"encoding": &enc, "errors": &errs}); err != nil {
			return nil, err
		}
		return encodeStr(s, enc, errs)
	})
	sm("format", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		r, err := strFormat(th, s, args, kwargs, nil)
		return Str(r), err
	})
	sm("format_map", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("format_map", args, 1, 1); err != nil {
			return nil, err
		}
		r, err := strFormat(th, s, nil, nil, args[0])
		return Str(r), err
	})
	sm("__mod__", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		return percentFormat(th, s, args[0])
	})
}

// finalSigma reports whether the capital sigma at rs[i] lowercases to the
// final form: preceded by a cased letter and not followed by one (case
// ignorable characters skipped), as CPython's handle_capital_sigma.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !isCased(rs[j]) {
		return false
	}
	k := i + 1
	for k < len(rs) && caseIgnorable(rs[k]) {
		k++
	}
	return k == len(rs) || !isCased(rs[k])
}

func caseIgnorable(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) || r == '\'' || r == '.' || r == ':' || r == 0xb7 || r == 0x2019
}
