package pyrt

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
	"github.com/asterkit/aster/internal/pyjson"
)

// Complex is a Python complex number. Its arithmetic is written out part
// by part (not with Go's complex128) so that every rounding step is the
// one CPython performs.
type Complex struct {
	Re, Im float64
}

// Type implements Value.
func (Complex) Type() *Class { return ComplexClass }

// complexRepr is repr() (and str()) of a complex: each part in the
// shortest repr form without a trailing ".0", the real part left out when
// it is +0.0, and otherwise the pair in parentheses with the imaginary
// part signed.
func complexRepr(c Complex) string {
	if c.Re == 0 && !math.Signbit(c.Re) {
		return complexPart(c.Im, false) + "j"
	}
	return "(" + complexPart(c.Re, false) + complexPart(c.Im, true) + "j)"
}

// complexPart formats one part of a complex; signed adds a "+" to a
// non-negative value (a NaN is never shown with a minus sign).
func complexPart(f float64, signed bool) string {
	s := strings.TrimSuffix(pyjson.FloatRepr(nanUnsigned(f)), ".0")
	if signed && s[0] != '-' {
		s = "+" + s
	}
	return s
}

// complexHash is CPython's hash of a complex: hash(real) + 1000003 *
// hash(imag) in unsigned arithmetic, with -1 mapped to -2.
func complexHash(c Complex) int64 {
	h := uint64(floatHash(c.Re)) + 1000003*uint64(floatHash(c.Im))
	if int64(h) == -1 {
		return -2
	}
	return int64(h)
}

// asComplexOperand converts an operand of complex arithmetic; ok is false
// for a type complex arithmetic does not accept.
func asComplexOperand(v Value) (c Complex, ok bool, err error) {
	switch x := v.(type) {
	case Complex:
		return x, true, nil
	case Float:
		return Complex{Re: float64(x)}, true, nil
	case Bool:
		if x {
			return Complex{Re: 1}, true, nil
		}
		return Complex{}, true, nil
	case Int:
		f, fits := x.Float()
		if !fits {
			return Complex{}, true, excf(OverflowErrorClass, "int too large to convert to float")
		}
		return Complex{Re: f}, true, nil
	}
	return Complex{}, false, nil
}

// complexBinary applies op when either operand is a complex and the
// other a number; it returns (nil, nil) otherwise.
func complexBinary(op syn.Token, x, y Value) (Value, error) {
	_, xc := x.(Complex)
	_, yc := y.(Complex)
	if !xc && !yc {
		return nil, nil
	}
	a, ok, err := asComplexOperand(x)
	if !ok || err != nil {
		return nil, err
	}
	b, ok, err := asComplexOperand(y)
	if !ok || err != nil {
		return nil, err
	}
	switch op {
	case syn.PLUS:
		return Complex{a.Re + b.Re, a.Im + b.Im}, nil
	case syn.MINUS:
		return Complex{a.Re - b.Re, a.Im - b.Im}, nil
	case syn.STAR:
		return complexProd(a, b), nil
	case syn.SLASH:
		q, ok := complexQuot(a, b)
		if !ok {
			return nil, excf(ZeroDivisionErrorClass, "complex division by zero")
		}
		return q, nil
	case syn.DOUBLESTAR:
		return complexPow(a, b)
	}
	return nil, nil
}

// complexProd is the schoolbook product, rounded after each operation.
func complexProd(a, b Complex) Complex {
	return Complex{
		Re: float64(a.Re*b.Re) - float64(a.Im*b.Im),
		Im: float64(a.Re*b.Im) + float64(a.Im*b.Re),
	}
}

// complexQuot is CPython's complex division: the larger part of the
// divisor is divided out first (Smith's method). ok is false for a zero
// divisor.
func complexQuot(a, b Complex) (Complex, bool) {
	absRe, absIm := math.Abs(b.Re), math.Abs(b.Im)
	switch {
	case absRe >= absIm:
		if absRe == 0 {
			return Complex{}, false
		}
		ratio := b.Im / b.Re
		denom := b.Re + float64(b.Im*ratio)
		return Complex{
			Re: (a.Re + float64(a.Im*ratio)) / denom,
			Im: (a.Im - float64(a.Re*ratio)) / denom,
		}, true
	case absIm >= absRe:
		ratio := b.Re / b.Im
		denom := float64(b.Re*ratio) + b.Im
		return Complex{
			Re: (float64(a.Re*ratio) + a.Im) / denom,
			Im: (float64(a.Im*ratio) - a.Re) / denom,
		}, true
	}
	// A part of the divisor is a NaN.
	return Complex{math.NaN(), math.NaN()}, true
}

// complexPow is CPython's complex power: repeated squaring for a small
// integral exponent, the polar form otherwise.
func complexPow(a, b Complex) (Value, error) {
	var r Complex
	ok := true
	if b.Im == 0 && b.Re == math.Floor(b.Re) && math.Abs(b.Re) <= 100 {
		n := int64(b.Re)
		if n > 0 {
			r = complexPowUint(a, n)
		} else {
			r, ok = complexQuot(Complex{Re: 1}, complexPowUint(a, -n))
		}
	} else {
		r, ok = complexPolarPow(a, b)
	}
	if !ok {
		return nil, excf(ZeroDivisionErrorClass, "0.0 to a negative or complex power")
	}
	if math.IsInf(r.Re, 0) || math.IsInf(r.Im, 0) {
		return nil, excf(OverflowErrorClass, "complex exponentiation")
	}
	return r, nil
}

// complexPowUint raises x to n >= 0 by binary powering.
func complexPowUint(x Complex, n int64) Complex {
	r, p := Complex{Re: 1}, x
	for mask := int64(1); mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = complexProd(r, p)
		}
		p = complexProd(p, p)
	}
	return r
}

// complexPolarPow computes a**b through the modulus and the argument of
// a; ok is false for zero raised to a negative or complex power, and for
// an infinite phase (the C library's sin and cos report a domain error
// there, which CPython reports as it does the zero base).
func complexPolarPow(a, b Complex) (Complex, bool) {
	if b.Re == 0 && b.Im == 0 {
		return Complex{Re: 1}, true
	}
	if a.Re == 0 && a.Im == 0 {
		return Complex{}, b.Im == 0 && b.Re >= 0
	}
	vabs := hypot(a.Re, a.Im)
	length := libmPow(vabs, b.Re)
	at := libmAtan2(a.Im, a.Re)
	phase := at * b.Re
	if b.Im != 0 {
		length /= libmExp(at * b.Im)
		phase += b.Im * libmLog(vabs)
	}
	sin, cos := libmSinCos(phase)
	return Complex{Re: length * cos, Im: length * sin}, !math.IsInf(phase, 0)
}

// complexAbs is abs() of a complex: an infinite part wins over a NaN, and
// a finite complex whose modulus overflows is an OverflowError.
func complexAbs(c Complex) (Value, error) {
	r := hypot(c.Re, c.Im)
	if math.IsInf(r, 0) && !math.IsInf(c.Re, 0) && !math.IsInf(c.Im, 0) {
		return nil, excf(OverflowErrorClass, "absolute value too large")
	}
	return Float(r), nil
}

// hypot is sqrt(x*x + y*y) as the GNU C library computes it: infinite
// when a part is infinite (even if the other is a NaN), else NaN when a
// part is a NaN; otherwise the larger and smaller magnitudes, scaled away
// from overflow and underflow, go through one correction step of the
// rounded square root.
func hypot(x, y float64) float64 {
	switch {
	case math.IsInf(x, 0) || math.IsInf(y, 0):
		return math.Inf(1)
	case math.IsNaN(x) || math.IsNaN(y):
		return math.NaN()
	}
	const (
		scale = 0x1p-600
		large = 0x1p+511
		tiny  = 0x1p-511
		eps   = 0x1p-54
	)
	ax, ay := math.Abs(x), math.Abs(y)
	if ax < ay {
		ax, ay = ay, ax
	}
	switch {
	case ax > large:
		if ay <= float64(ax*eps) {
			return ax + ay
		}
		return hypotKernel(ax*scale, ay*scale) / scale
	case ay < tiny:
		if ax >= ay/eps {
			return ax + ay
		}
		return hypotKernel(ax/scale, ay/scale) * scale
	case ay <= float64(ax*eps):
		return ax + ay
	}
	return hypotKernel(ax, ay)
}

// hypotKernel is hypot for ax >= ay in a range where the squares neither
// overflow nor underflow. Every product is rounded on its own (no fused
// multiply-add), as in the C library's generic code.
func hypotKernel(ax, ay float64) float64 {
	h := math.Sqrt(float64(ax*ax) + float64(ay*ay))
	var t1, t2 float64
	if h <= 2*ay {
		delta := h - ay
		t1 = ax * (float64(2*delta) - ax)
		t2 = (delta - float64(2*(ax-ay))) * delta
	} else {
		delta := h - ax
		t1 = float64(2*delta) * (ax - float64(2*ay))
		t2 = float64((float64(4*delta)-ay)*ay) + float64(delta*delta)
	}
	return h - (t1+t2)/float64(2*h)
}

// complexCompare compares a complex with a number: only == and != are
// defined; ok is false otherwise.
func complexCompare(op syn.CmpKind, a Complex, b Value) (result, ok bool) {
	if op != syn.CmpEq && op != syn.CmpNotEq {
		return false, false
	}
	var eq bool
	switch y := b.(type) {
	case Complex:
		eq = a.Re == y.Re && a.Im == y.Im
	case Float:
		eq = a.Im == 0 && a.Re == float64(y)
	case Int:
		eq = a.Im == 0 && floatIntCmp(syn.CmpEq, a.Re, y, false)
	default:
		return false, false
	}
	return eq == (op == syn.CmpEq), true
}

// newComplex is complex(real, imag); a nil argument was not given.
func newComplex(th *Thread, r, i Value) (Value, error) {
	if r == nil {
		if i == nil {
			return Complex{}, nil
		}
		r = MakeInt(0)
	}
	if s, ok := builtinPayload(r).(Str); ok {
		if i != nil {
			return nil, typeErrorf("complex() can't take second arg if first is a string")
		}
		return parseComplex(string(s), pyjsonRepr(s))
	}
	if _, ok := builtinPayload(i).(Str); ok && i != nil {
		return nil, typeErrorf("complex() second arg can't be a string")
	}
	if u, ok := r.(*Unknown); ok {
		return &Unknown{Why: u.Why, At: u.At}, nil
	}
	if u, ok := i.(*Unknown); ok {
		return &Unknown{Why: u.Why, At: u.At}, nil
	}
	r, err := complexSpecial(th, r)
	if err != nil {
		return nil, err
	}
	if !isComplexArg(r) {
		return nil, typeErrorf("complex() first argument must be a string or a number, not '%s'", TypeName(r))
	}
	if i != nil && !isComplexArg(i) {
		return nil, typeErrorf("complex() second argument must be a number, not '%s'", TypeName(i))
	}
	cr, rIsComplex, err := complexArgParts(th, r)
	if err != nil {
		return nil, err
	}
	ci := Complex{Re: cr.Im}
	iIsComplex := false
	if i != nil {
		if ci, iIsComplex, err = complexArgParts(th, i); err != nil {
			return nil, err
		}
	}
	if iIsComplex {
		cr.Re -= ci.Im
	}
	if rIsComplex && i != nil {
		ci.Re += cr.Im
	}
	return Complex{cr.Re, ci.Re}, nil
}

// complexSpecial applies a __complex__ method the sources define.
func complexSpecial(th *Thread, v Value) (Value, error) {
	m, _ := userMethod(v, "__complex__")
	if m == nil {
		return v, nil
	}
	r, err := th.Call(m, []Value{v}, nil)
	if err != nil {
		return nil, err
	}
	if _, ok := builtinPayload(r).(Complex); !ok {
		return nil, typeErrorf("__complex__ returned non-complex (type %s)", TypeName(r))
	}
	return r, nil
}

// isComplexArg reports whether complex() accepts v as a number.
func isComplexArg(v Value) bool {
	switch x := v.(type) {
	case Int, Bool, Float, Complex:
		return true
	case *Instance:
		if x.Payload != nil {
			return isComplexArg(x.Payload)
		}
		for _, name := range []string{"__float__", "__index__"} {
			if m, _ := x.Class.Lookup(name); m != nil {
				return true
			}
		}
	}
	return false
}

// complexArgParts converts an argument of complex(): a complex keeps its
// parts (isComplex), any other number goes through float().
func complexArgParts(th *Thread, v Value) (c Complex, isComplex bool, err error) {
	if x, ok := builtinPayload(v).(Complex); ok {
		return x, true, nil
	}
	f, err := toFloatValue(th, v)
	if err != nil {
		return Complex{}, false, err
	}
	if fl, ok := f.(Float); ok {
		return Complex{Re: float64(fl)}, false, nil
	}
	return Complex{}, false, fatalf("complex() of a value that is not known statically")
}

// parseComplex parses complex(str): decimal digits and spaces beyond
// ASCII are read as their ASCII forms, underscores are allowed between
// digits, then the forms <float>, <float>j, <float><signed float>j (and
// the legacy <float><sign>j, <sign>j, j) optionally in parentheses and
// surrounded by whitespace.
func parseComplex(s, repr string) (Value, error) {
	t := complexASCII(s)
	// The text is read as a C string: up to its first NUL.
	if beforeNUL, _, _ := strings.Cut(t, "\x00"); strings.IndexByte(beforeNUL, '_') >= 0 {
		var ok bool
		if t, ok = stripDigitUnderscores(t); !ok {
			return nil, valueErrorf("could not convert string to complex: %s", repr)
		}
	}
	c, ok := parseComplexASCII(t)
	if !ok {
		return nil, valueErrorf("complex() arg is a malformed string")
	}
	return c, nil
}

// complexASCII maps a non-ASCII string to ASCII: whitespace to a space,
// decimal digits to their ASCII digit; the first other character becomes
// a '?' that ends the text.
func complexASCII(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x7f:
			b.WriteRune(r)
		case isPySpace(r):
			b.WriteByte(' ')
		case unicode.Is(unicode.Nd, r):
			b.WriteByte(byte('0' + digitValue(r)))
		default:
			b.WriteByte('?')
			return b.String()
		}
	}
	return b.String()
}

// stripDigitUnderscores removes underscores that each sit between two
// digits; ok is false when one does not (or the text holds a NUL).
func stripDigitUnderscores(s string) (string, bool) {
	if strings.IndexByte(s, 0) >= 0 {
		return "", false
	}
	var b strings.Builder
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if !isDigitByte(prev) {
				return "", false
			}
		} else {
			if prev == '_' && !isDigitByte(c) {
				return "", false
			}
			b.WriteByte(c)
		}
		prev = c
	}
	if prev == '_' {
		return "", false
	}
	return b.String(), true
}

// isCSpace reports whether c is ASCII whitespace (C's isspace).
func isCSpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

// parseComplexASCII parses the underscore-free ASCII form of complex(str).
func parseComplexASCII(s string) (Complex, bool) {
	i := 0
	skipSpace := func() {
		for i < len(s) && isCSpace(s[i]) {
			i++
		}
	}
	at := func(set string) bool { return i < len(s) && strings.IndexByte(set, s[i]) >= 0 }
	// signedUnit reads the optional sign of a bare "j": ±1.
	signedUnit := func() float64 {
		switch {
		case at("-"):
			i++
			return -1
		case at("+"):
			i++
		}
		return 1
	}
	skipSpace()
	bracket := at("(")
	if bracket {
		i++
		skipSpace()
	}
	var c Complex
	if z, n := parseFloatPrefix(s[i:]); n > 0 {
		i += n
		switch {
		case at("+-"):
			c.Re = z
			if y, m := parseFloatPrefix(s[i:]); m > 0 {
				c.Im = y
				i += m
			} else {
				c.Im = signedUnit()
			}
			if !at("jJ") {
				return Complex{}, false
			}
			i++
		case at("jJ"):
			c.Im = z
			i++
		default:
			c.Re = z
		}
	} else {
		c.Im = signedUnit()
		if !at("jJ") {
			return Complex{}, false
		}
		i++
	}
	skipSpace()
	if bracket {
		if !at(")") {
			return Complex{}, false
		}
		i++
		skipSpace()
	}
	return c, i == len(s)
}

// parseFloatPrefix parses the longest float at the start of s (a sign,
// then inf, infinity, nan or a decimal number with an optional exponent)
// and returns it with the number of bytes read, 0 when there is none.
func parseFloatPrefix(s string) (float64, int) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && isDigitByte(s[i]) {
			i++
			n++
		}
		return n
	}
	n := digits()
	if i < len(s) && s[i] == '.' {
		i++
		n += digits()
	}
	if n == 0 {
		return parseInfNaNPrefix(s)
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		mark := i
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			i = mark
		}
	}
	f, _ := strconv.ParseFloat(s[:i], 64) // out-of-range values round to ±inf or 0
	return f, i
}

// parseInfNaNPrefix reads a signed inf, infinity or nan (any case).
func parseInfNaNPrefix(s string) (float64, int) {
	i, sign := 0, 1.0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		if s[i] == '-' {
			sign = -1
		}
		i++
	}
	hasWord := func(w string) bool { return len(s)-i >= len(w) && strings.EqualFold(s[i:i+len(w)], w) }
	switch {
	case hasWord("inf"):
		i += 3
		if hasWord("inity") {
			i += 5
		}
		return math.Inf(int(sign)), i
	case hasWord("nan"):
		return math.Copysign(math.NaN(), sign), i + 3
	}
	return 0, 0
}

func initComplex() {
	constructor(ComplexClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		var r, i Value
		if n := len(args) + len(kwargs); n > 2 {
			kind := ""
			if len(args) == 0 {
				kind = "keyword "
			}
			return nil, typeErrorf("complex() takes at most 2 %sarguments (%d given)", kind, n)
		}
		if len(args) > 0 {
			r = args[0]
		}
		if len(args) > 1 {
			i = args[1]
		}
		for _, kw := range kwargs {
			switch {
			case kw.Name == "real" && r == nil:
				r = kw.Value
			case kw.Name == "imag" && i == nil:
				i = kw.Value
			case kw.Name == "real" || kw.Name == "imag":
				pos := 1
				if kw.Name == "imag" {
					pos = 2
				}
				return nil, typeErrorf("argument for complex() given by name ('%s') and position (%d)", kw.Name, pos)
			default:
				return nil, typeErrorf("'%s' is an invalid keyword argument for complex()", kw.Name)
			}
		}
		if len(args) == 1 && i == nil && cls == ComplexClass {
			if c, ok := r.(Complex); ok {
				return c, nil
			}
		}
		c, err := newComplex(th, r, i)
		if err != nil {
			return nil, err
		}
		return wrapSub(cls, ComplexClass, c), nil
	})
	self := func(v Value) Complex { return builtinPayload(v).(Complex) }
	method(ComplexClass, "conjugate", func(th *Thread, v Value, args []Value, kwargs []Kwarg) (Value, error) {
		c := self(v)
		return Complex{c.Re, -c.Im}, nil
	})
	method(ComplexClass, "__complex__", func(th *Thread, v Value, args []Value, kwargs []Kwarg) (Value, error) {
		return self(v), nil
	})
	method(ComplexClass, "__getnewargs__", func(th *Thread, v Value, args []Value, kwargs []Kwarg) (Value, error) {
		c := self(v)
		return Tuple{Float(c.Re), Float(c.Im)}, nil
	})
	noArgs(ComplexClass, "conjugate", "__complex__", "__getnewargs__")
	ComplexClass.Dict.Set("real", &Property{Get: NewBuiltin("real", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return Float(self(args[0]).Re), nil
	})})
	ComplexClass.Dict.Set("imag", &Property{Get: NewBuiltin("imag", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return Float(self(args[0]).Im), nil
	})})
}

// formatComplex is format(c, spec): each part formatted as a float with
// the spec's type, precision and flags, the imaginary part always signed
// (unless the real part is left out), then the whole padded. Without a
// type the parts are in repr form and the result is str(c)'s layout.
func formatComplex(c Complex, spec string) (string, error) {
	if spec == "" {
		return complexRepr(c), nil
	}
	f, err := parseSpec(spec, "complex", '>', 0)
	if err != nil {
		return "", err
	}
	switch f.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n':
	default:
		return "", unknownCode(rune(f.typ), "complex")
	}
	if f.fill == '0' {
		return "", valueErrorf("Zero padding is not allowed in complex format specifier")
	}
	if f.align == '=' {
		return "", valueErrorf("'=' alignment flag is not allowed in complex format specifier")
	}
	part := *f
	part.width, part.fill, part.align = 0, ' ', '<'
	skipRe, parens := false, false
	switch {
	case f.typ == 0 && f.prec < 0:
		part.bareRepr = true
		fallthrough
	case f.typ == 0:
		skipRe = c.Re == 0 && !math.Signbit(c.Re)
		parens = !skipRe
		if f.prec >= 0 {
			part.typ = 'g'
		}
	case f.typ == 'n':
		part.typ = 'g'
	}
	var b strings.Builder
	if parens {
		b.WriteByte('(')
	}
	if !skipRe {
		re, err := formatFloatSpec(nanUnsigned(c.Re), &part, "complex")
		if err != nil {
			return "", err
		}
		b.WriteString(re)
		part.sign = '+'
	}
	im, err := formatFloatSpec(nanUnsigned(c.Im), &part, "complex")
	if err != nil {
		return "", err
	}
	b.WriteString(im + "j")
	if parens {
		b.WriteByte(')')
	}
	align := f.align
	if align == 0 {
		align = '>'
	}
	return padStr(b.String(), f.width, f.fill, align), nil
}

// nanUnsigned clears the sign of a NaN, which formatting never shows.
func nanUnsigned(f float64) float64 {
	if math.IsNaN(f) {
		return math.NaN()
	}
	return f
}
