package golang

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// directivePrefix starts every aster directive comment line.
const directivePrefix = "//aster:"

// directive is one //aster: comment line.
type directive struct {
	Kind string // service, rpc, server_stream, client_stream, bidi_stream, wire_type
	Pos  token.Pos
	Args []directiveArg
	Text string // the comment line as written
}

// directiveArg is a key=value argument or a bare flag (HasValue false).
type directiveArg struct {
	Key      string
	Value    string
	HasValue bool
	Pos      token.Pos
}

// directiveKinds lists the known directives.
var directiveKinds = map[string]bool{
	"service": true, "rpc": true, "server_stream": true, "client_stream": true,
	"bidi_stream": true, "wire_type": true,
}

// directives returns the //aster: lines of the given doc comments, in
// order. An unknown directive name or a malformed argument is an error.
func (a *analysis) directives(groups ...*ast.CommentGroup) ([]directive, error) {
	var out []directive
	for _, g := range groups {
		if g == nil {
			continue
		}
		for _, c := range g.List {
			if !strings.HasPrefix(c.Text, directivePrefix) {
				continue
			}
			d, err := a.parseDirective(c)
			if err != nil {
				return nil, err
			}
			out = append(out, d)
		}
	}
	return out, nil
}

func (a *analysis) parseDirective(c *ast.Comment) (directive, error) {
	text := c.Text[len(directivePrefix):]
	kind, _, _ := strings.Cut(text, " ")
	kind = strings.TrimRight(kind, "\t\r")
	d := directive{Kind: kind, Pos: c.Slash, Text: c.Text}
	if !directiveKinds[kind] {
		return d, a.fail(c.Slash, "use one of //aster:service, //aster:rpc, //aster:server_stream, //aster:client_stream, //aster:bidi_stream, //aster:wire_type", "unknown directive //aster:%s", kind)
	}
	base := len(directivePrefix) + len(kind)
	i := base
	s := c.Text
	for i < len(s) {
		if s[i] == ' ' || s[i] == '\t' {
			i++
			continue
		}
		start := i
		for i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '=' && s[i] != '"' {
			i++
		}
		arg := directiveArg{Key: s[start:i], Pos: c.Slash + token.Pos(start)}
		if i < len(s) && s[i] == '"' && arg.Key == "" {
			// A bare quoted value (the wire_type tag).
			v, n, err := quoted(s[i:])
			if err != nil {
				return d, a.fail(arg.Pos, "write values with spaces as double-quoted Go strings", "malformed quoted string in //aster:%s", kind)
			}
			arg.Key, i = v, i+n
			d.Args = append(d.Args, arg)
			continue
		}
		if i < len(s) && s[i] == '=' {
			i++
			arg.HasValue = true
			if i < len(s) && s[i] == '"' {
				v, n, err := quoted(s[i:])
				if err != nil {
					return d, a.fail(arg.Pos, "write values with spaces as double-quoted Go strings", "malformed quoted value for %s in //aster:%s", arg.Key, kind)
				}
				arg.Value, i = v, i+n
			} else {
				vs := i
				for i < len(s) && s[i] != ' ' && s[i] != '\t' {
					i++
				}
				arg.Value = s[vs:i]
			}
		}
		if i < len(s) && s[i] != ' ' && s[i] != '\t' {
			return d, a.fail(c.Slash+token.Pos(i), "separate arguments with spaces: key=value or a bare flag", "malformed argument in //aster:%s", kind)
		}
		if arg.Key == "" {
			return d, a.fail(arg.Pos, "write arguments as key=value", "missing key before = in //aster:%s", kind)
		}
		for _, prev := range d.Args {
			if prev.Key == arg.Key {
				return d, a.fail(arg.Pos, "give each key once", "duplicate key %q in //aster:%s", arg.Key, kind)
			}
		}
		d.Args = append(d.Args, arg)
	}
	return d, nil
}

// quoted reads the double-quoted Go string at the start of s and returns
// its value and length.
func quoted(s string) (string, int, error) {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			v, err := strconv.Unquote(s[:i+1])
			return v, i + 1, err
		}
	}
	return "", 0, strconv.ErrSyntax
}

// directiveKey is how Package.Directives lists a directive: the name of
// the declaration it applies to (a type, or Interface.Method for a method)
// and the comment line as written.
func directiveKey(decl, text string) string {
	return decl + " " + text
}
