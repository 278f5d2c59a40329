package pyrt

import (
	"math"
	"strconv"
	"strings"

	"github.com/asterkit/aster/internal/pyjson"
)

// Format is format(v, spec): a __format__ defined in the sources, else
// the builtin format of v's type.
func Format(th *Thread, v Value, spec string) (string, error) {
	switch x := v.(type) {
	case *Instance:
		if m, _ := userMethod(x, "__format__"); m != nil {
			r, err := th.Call(m, []Value{x, Str(spec)}, nil)
			if err != nil {
				return "", err
			}
			s, ok := r.(Str)
			if !ok {
				return "", typeErrorf("__format__ must return a str, not %s", TypeName(r))
			}
			return string(s), nil
		}
		if m, _ := userMethod(x, "__str__"); m != nil || x.Payload == nil || x.Class.IsSubclass(BaseExceptionClass) {
			if spec != "" {
				return "", typeErrorf("unsupported format string passed to %s.__format__", TypeName(v))
			}
			return ToStr(th, v)
		}
		return formatBuiltin(th, x.Payload, spec)
	case *Unknown:
		return "", x.fatal("formatting this value")
	}
	return formatBuiltin(th, v, spec)
}

// formatBuiltin formats a builtin value with the format mini-language.
func formatBuiltin(th *Thread, v Value, spec string) (string, error) {
	switch x := v.(type) {
	case Bool:
		if spec == "" {
			return ToStr(th, x)
		}
		return formatInt(boolToInt(x), spec, "bool")
	case Int:
		return formatInt(x, spec, "int")
	case Float:
		return formatFloat(float64(x), spec, "float")
	case Complex:
		return formatComplex(x, spec)
	case Str:
		return formatStr(string(x), spec)
	}
	if spec != "" {
		return "", typeErrorf("unsupported format string passed to %s.__format__", TypeName(v))
	}
	return ToStr(th, v)
}

// fmtSpec is a parsed format specification.
type fmtSpec struct {
	fill         rune
	align        byte // 0 when not given
	sign         byte // 0, '+', '-', ' '
	noNegZero    bool
	alt          bool
	width        int
	grouping     byte // 0, ',' or '_'
	prec         int  // -1 when not given
	typ          byte // 0 when not given
	fillFromZero bool
	// bareRepr makes the empty type without a precision give the repr
	// without the ".0" of an integral value (the parts of a complex).
	bareRepr bool
}

func isAlign(r rune) bool { return r == '<' || r == '>' || r == '=' || r == '^' }

// parseSpec parses spec for an object of type typeName; defaultAlign is
// '>' for numbers and '<' for strings.
func parseSpec(spec, typeName string, defaultAlign, defaultType byte) (*fmtSpec, error) {
	f := &fmtSpec{fill: ' ', prec: -1}
	rs := []rune(spec)
	i := 0
	fillGiven := false
	if len(rs) >= 2 && isAlign(rs[1]) {
		f.fill, f.align, fillGiven = rs[0], byte(rs[1]), true
		i = 2
	} else if len(rs) >= 1 && isAlign(rs[0]) {
		f.align = byte(rs[0])
		i = 1
	}
	if i < len(rs) && (rs[i] == '+' || rs[i] == '-' || rs[i] == ' ') {
		f.sign = byte(rs[i])
		i++
	}
	if i < len(rs) && rs[i] == 'z' {
		f.noNegZero = true
		i++
	}
	if i < len(rs) && rs[i] == '#' {
		f.alt = true
		i++
	}
	if !fillGiven && i < len(rs) && rs[i] == '0' {
		f.fill = '0'
		f.fillFromZero = true
		if f.align == 0 && defaultAlign == '>' {
			f.align = '='
		}
		i++
	}
	start := i
	for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
		i++
	}
	if i > start {
		w, err := strconv.Atoi(string(rs[start:i]))
		if err != nil {
			return nil, valueErrorf("Too many decimal digits in format string")
		}
		f.width = w
	}
	if i < len(rs) && (rs[i] == ',' || rs[i] == '_') {
		f.grouping = byte(rs[i])
		i++
		if i < len(rs) && (rs[i] == ',' || rs[i] == '_') {
			if f.grouping == ',' && rs[i] == ',' || f.grouping == '_' && rs[i] == '_' {
				return nil, valueErrorf("Cannot specify '%c' with '%c'.", rs[i], rs[i])
			}
			return nil, valueErrorf("Cannot specify both ',' and '_'.")
		}
	}
	if i < len(rs) && rs[i] == '.' {
		i++
		start := i
		for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
			i++
		}
		if i == start {
			return nil, valueErrorf("Format specifier missing precision")
		}
		p, err := strconv.Atoi(string(rs[start:i]))
		if err != nil {
			return nil, valueErrorf("Too many decimal digits in format string")
		}
		f.prec = p
	}
	if len(rs)-i > 1 {
		return nil, valueErrorf("Invalid format specifier '%s' for object of type '%s'", spec, typeName)
	}
	if i < len(rs) {
		if rs[i] > 0x7f {
			return nil, unknownCode(rs[i], typeName)
		}
		f.typ = byte(rs[i])
	}
	checkType := f.typ
	if checkType == 0 {
		checkType = defaultType
	}
	if f.grouping != 0 {
		switch checkType {
		case 0, 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F':
		case 'b', 'o', 'x', 'X':
			if f.grouping == ',' {
				return nil, valueErrorf("Cannot specify ',' with '%c'.", checkType)
			}
		default:
			return nil, valueErrorf("Cannot specify '%c' with '%c'.", f.grouping, checkType)
		}
	}
	return f, nil
}

// groupDigits inserts separators every n digits from the right, padding
// with zeros to minWidth as CPython does for zero-filled numbers.
func groupDigits(digits string, sep byte, n, minWidth int) string {
	if sep == 0 {
		if len(digits) < minWidth {
			return strings.Repeat("0", minWidth-len(digits)) + digits
		}
		return digits
	}
	var parts []string
	remaining := len(digits)
	for {
		l := min(n, max(remaining, minWidth, 1))
		zeros := max(0, l-remaining)
		chars := max(0, min(remaining, l))
		parts = append(parts, strings.Repeat("0", zeros)+digits[remaining-chars:remaining])
		remaining -= chars
		minWidth -= l
		if remaining <= 0 && minWidth <= 0 {
			break
		}
		minWidth--
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, string(sep))
}

// layoutNumber assembles sign, prefix, integer digits (grouped), the rest
// (fraction, exponent, suffix) and padding.
func layoutNumber(f *fmtSpec, neg bool, prefix, intDigits, rest string, groupN int) string {
	sign := ""
	switch {
	case neg:
		sign = "-"
	case f.sign == '+':
		sign = "+"
	case f.sign == ' ':
		sign = " "
	}
	align := f.align
	if align == 0 {
		align = '>'
	}
	minWidth := 0
	if f.fill == '0' && align == '=' {
		minWidth = f.width - len(sign) - len(prefix) - strLen(rest)
	}
	body := ""
	if intDigits != "" {
		body = groupDigits(intDigits, f.grouping, groupN, minWidth)
	}
	total := len(sign) + len(prefix) + len(body) + strLen(rest)
	if total >= f.width {
		return sign + prefix + body + rest
	}
	pad := f.width - total
	fill := string(runeStr(f.fill))
	switch align {
	case '<':
		return sign + prefix + body + rest + strings.Repeat(fill, pad)
	case '^':
		left := pad / 2
		return strings.Repeat(fill, left) + sign + prefix + body + rest + strings.Repeat(fill, pad-left)
	case '=':
		return sign + prefix + strings.Repeat(fill, pad) + body + rest
	}
	return strings.Repeat(fill, pad) + sign + prefix + body + rest
}

// formatInt formats an int, or a bool (typeName names the type in
// errors).
func formatInt(x Int, spec, typeName string) (string, error) {
	if spec == "" {
		return x.decimal()
	}
	f, err := parseSpec(spec, typeName, '>', 'd')
	if err != nil {
		return "", err
	}
	switch f.typ {
	case 0, 'b', 'c', 'd', 'o', 'x', 'X', 'n':
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		fl, ok := x.Float()
		if !ok {
			return "", excf(OverflowErrorClass, "int too large to convert to float")
		}
		return formatFloatSpec(fl, f, typeName)
	default:
		return "", unknownCode(rune(f.typ), typeName)
	}
	if f.prec >= 0 {
		return "", valueErrorf("Precision not allowed in integer format specifier")
	}
	if f.noNegZero {
		return "", valueErrorf("Negative zero coercion (z) not allowed in integer format specifier")
	}
	if err := f.sizeCheck(); err != nil {
		return "", err
	}
	neg := x.Sign() < 0
	abs := x
	if neg {
		abs = x.Neg()
	}
	prefix := ""
	groupN := 3
	var digits string
	switch f.typ {
	case 0, 'd', 'n':
		if digits, err = abs.decimal(); err != nil {
			return "", err
		}
	case 'b':
		digits, prefix, groupN = abs.Text(2), "0b", 4
	case 'o':
		digits, prefix, groupN = abs.Text(8), "0o", 4
	case 'x':
		digits, prefix, groupN = abs.Text(16), "0x", 4
	case 'X':
		digits, prefix, groupN = strings.ToUpper(abs.Text(16)), "0X", 4
	case 'c':
		if f.sign != 0 {
			return "", valueErrorf("Sign not allowed with integer format specifier 'c'")
		}
		if f.alt {
			return "", valueErrorf("Alternate form (#) not allowed with integer format specifier 'c'")
		}
		v, ok := x.Int64()
		if !ok {
			return "", excf(OverflowErrorClass, "Python int too large to convert to C long")
		}
		if v < 0 || v > 0x10ffff {
			return "", excf(OverflowErrorClass, "%%c arg not in range(0x110000)")
		}
		if f.align == 0 {
			f.align = '>'
		}
		return formatStrSpec(string(runeStr(rune(v))), f)
	default:
		return "", unknownCode(rune(f.typ), typeName)
	}
	if !f.alt {
		prefix = ""
	}
	return layoutNumber(f, neg, prefix, digits, "", groupN), nil
}

func formatFloat(x float64, spec, typeName string) (string, error) {
	if spec == "" {
		return pyjson.FloatRepr(x), nil
	}
	f, err := parseSpec(spec, typeName, '>', 0)
	if err != nil {
		return "", err
	}
	return formatFloatSpec(x, f, typeName)
}

func formatFloatSpec(x float64, f *fmtSpec, typeName string) (string, error) {
	switch f.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n':
	default:
		return "", unknownCode(rune(f.typ), typeName)
	}
	if err := f.sizeCheck(); err != nil {
		return "", err
	}
	if f.typ == '%' {
		x *= 100
	}
	neg := math.Signbit(x)
	if neg {
		x = -x
	}
	var text string
	switch {
	case math.IsInf(x, 0) || math.IsNaN(x):
		text = "inf"
		if math.IsNaN(x) {
			text = "nan"
		}
		if f.typ == 'E' || f.typ == 'F' || f.typ == 'G' {
			text = strings.ToUpper(text)
		}
		if f.typ == '%' {
			text += "%"
		}
	default:
		text = floatText(x, f)
	}
	if neg && f.noNegZero && strings.Trim(text, "0.e+-%E") == "" {
		neg = false
	}
	// Split the integer digits from the rest for grouping and padding.
	end := 0
	for end < len(text) && text[end] >= '0' && text[end] <= '9' {
		end++
	}
	intDigits, rest := text[:end], text[end:]
	if intDigits == "" {
		// inf/nan: no zero padding inside the digits.
		g := *f
		if g.fill == '0' && g.fillFromZero {
			g.grouping = 0
		}
		return layoutNumber(&g, neg, "", "", rest, 3), nil
	}
	return layoutNumber(f, neg, "", intDigits, rest, 3), nil
}

// floatText formats a finite non-negative float without sign or padding.
func floatText(x float64, f *fmtSpec) string {
	prec := f.prec
	switch f.typ {
	case 'f', 'F':
		if prec < 0 {
			prec = 6
		}
		s := strconv.FormatFloat(x, 'f', prec, 64)
		if f.alt && prec == 0 {
			s += "."
		}
		return s
	case '%':
		if prec < 0 {
			prec = 6
		}
		s := strconv.FormatFloat(x, 'f', prec, 64)
		if f.alt && prec == 0 {
			s += "."
		}
		return s + "%"
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		s := strconv.FormatFloat(x, 'e', prec, 64)
		if f.alt && prec == 0 {
			s = strings.Replace(s, "e", ".e", 1)
		}
		if f.typ == 'E' {
			s = strings.ToUpper(s)
		}
		return s
	case 'g', 'G', 'n':
		if prec < 0 {
			prec = 6
		}
		s := formatG(x, prec, f.alt, false)
		if f.typ == 'G' {
			s = strings.ToUpper(s)
		}
		return s
	}
	// No type: repr without precision, else 'g' that keeps a ".0".
	if prec < 0 && f.bareRepr {
		s := strings.TrimSuffix(pyjson.FloatRepr(x), ".0")
		if f.alt && !strings.Contains(s, ".") {
			mant, exp, hasExp := strings.Cut(s, "e")
			if s = mant + "."; hasExp {
				s += "e" + exp
			}
		}
		return s
	}
	if prec < 0 {
		return pyjson.FloatRepr(x)
	}
	return formatG(x, prec, f.alt, true)
}

// formatG is the 'g' presentation: fixed or exponential by the decimal
// exponent; trailing zeros removed unless alt; addDot0 (for the empty
// type) keeps at least one digit after the point and switches to
// exponential notation at exp >= prec.
func formatG(x float64, prec int, alt, addDot0 bool) string {
	if prec == 0 {
		prec = 1
	}
	e := strconv.FormatFloat(x, 'e', prec-1, 64)
	mant, expText, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expText)
	limit := prec
	if addDot0 {
		limit = prec - 1
	}
	var s string
	if exp >= -4 && exp < limit {
		s = strconv.FormatFloat(x, 'f', prec-1-exp, 64)
		if !alt && strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		if alt && !strings.Contains(s, ".") {
			s += "."
		}
		if addDot0 && !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	if !alt && strings.Contains(mant, ".") {
		mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
	}
	if alt && !strings.Contains(mant, ".") {
		mant += "."
	}
	return mant + "e" + expText
}

func formatStr(s, spec string) (string, error) {
	if spec == "" {
		return s, nil
	}
	f, err := parseSpec(spec, "str", '<', 's')
	if err != nil {
		return "", err
	}
	switch f.typ {
	case 0, 's':
	default:
		return "", unknownCode(rune(f.typ), "str")
	}
	return formatStrSpec(s, f)
}

func formatStrSpec(s string, f *fmtSpec) (string, error) {
	if f.sign == ' ' {
		return "", valueErrorf("Space not allowed in string format specifier")
	}
	if f.sign != 0 {
		return "", valueErrorf("Sign not allowed in string format specifier")
	}
	if f.noNegZero {
		return "", valueErrorf("Negative zero coercion (z) not allowed in string format specifier")
	}
	if f.alt {
		return "", valueErrorf("Alternate form (#) not allowed in string format specifier")
	}
	if f.align == '=' {
		return "", valueErrorf("'=' alignment not allowed in string format specifier")
	}
	// A precision only truncates a string; the width pads it.
	if err := sizeLimit(f.width); err != nil {
		return "", err
	}
	if f.prec >= 0 {
		rs := runesOf(s)
		if len(rs) > f.prec {
			s = string(fromRunes(rs[:f.prec]))
		}
	}
	align := f.align
	if align == 0 {
		align = '<'
	}
	return padStr(s, f.width, f.fill, align), nil
}

// unknownCode is the error for an unknown presentation type.
func unknownCode(c rune, typeName string) error {
	if c > 32 && c < 128 {
		return valueErrorf("Unknown format code '%c' for object of type '%s'", c, typeName)
	}
	return valueErrorf("Unknown format code '\\x%x' for object of type '%s'", c, typeName)
}

// sizeCheck bounds the width and precision before output is built.
func (f *fmtSpec) sizeCheck() error {
	if err := sizeLimit(f.width); err != nil {
		return err
	}
	return sizeLimit(f.prec)
}
