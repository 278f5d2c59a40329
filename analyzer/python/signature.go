package python

import (
	"fmt"
	"strings"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/python/pyparse"
	"github.com/asterkit/aster/internal/pyjson"
)

// checkSignatures rejects what CPython 3.11 refuses to compile beyond the
// grammar (a module with one cannot be imported): the parameter lists of
// every def and lambda, and identifiers with characters Unicode 14 did not
// have.
func checkSignatures(m *module, n *pyparse.Node) {
	switch n.Kind() {
	case "function_definition", "lambda":
		if ps := n.Child("parameters"); ps != nil {
			checkParams(m, n, ps)
		}
	case "identifier":
		checkIdentifier(m, n)
		return
	}
	for _, c := range n.Children() {
		checkSignatures(m, c)
	}
}

// checkIdentifier rejects an identifier holding a character CPython 3.11
// does not know (Python identifiers only hold printable characters).
func checkIdentifier(m *module, n *pyparse.Node) {
	text := n.Text()
	if isASCII(text) {
		return
	}
	line, col := n.Pos()
	for _, r := range text {
		if r >= 0x80 && !pyjson.Printable(r) {
			panic(&analyzer.Error{File: m.file, Line: line, Col: col,
				Msg: fmt.Sprintf("syntax error: invalid non-printable character U+%04X", r), Hint: "Use only characters of Unicode 14 (Python 3.11) in identifiers"})
		}
		col++
	}
}

// checkParams applies CPython's compile-time rules to the parameter list
// of a def or lambda.
func checkParams(m *module, fn, ps *pyparse.Node) {
	const hint = "Fix the Python syntax (Python 3.11 grammar)"
	syntax := func(n *pyparse.Node, msg string) {
		fail(m, n, hint, "syntax error: %s", msg)
	}
	var bareStar *pyparse.Node // a bare * not yet followed by a named parameter
	// names in the order CPython's symbol table declares them: positional,
	// keyword-only, *args, **kwargs.
	var names, kwOnly, varargs []*pyparse.Node
	seenParam, seenSlash, seenStar, seenDStar, seenDefault := false, false, false, false, false
	for _, p := range ps.NamedChildren() {
		if seenDStar {
			syntax(p, "arguments cannot follow var-keyword argument")
		}
		kind, name := p.Kind(), p
		if kind == "typed_parameter" {
			if inner := p.NamedChildren()[0]; inner.Kind() != "identifier" {
				kind, name = inner.Kind(), inner
			}
		}
		switch kind {
		case "positional_separator":
			switch {
			case seenStar:
				syntax(p, "/ must be ahead of *")
			case seenSlash:
				syntax(p, "/ may appear only once")
			case !seenParam:
				syntax(p, "at least one argument must precede /")
			}
			seenSlash = true
		case "keyword_separator", "list_splat_pattern":
			if seenStar {
				syntax(p, "* argument may appear only once")
			}
			seenStar = true
			if kind == "keyword_separator" {
				bareStar = p
				continue
			}
			seenParam = true
			varargs = append(varargs, name.NamedChildren()[0])
		case "dictionary_splat_pattern":
			if bareStar != nil {
				if fn.Kind() == "lambda" {
					bareStar = p // CPython points at the token after "*,"
				}
				syntax(bareStar, "named arguments must follow bare *")
			}
			seenDStar = true
			seenParam = true
			varargs = append(varargs, name.NamedChildren()[0])
		case "identifier", "typed_parameter", "default_parameter", "typed_default_parameter":
			def := kind == "default_parameter" || kind == "typed_default_parameter"
			if def {
				name = p.Child("name")
			} else if kind == "typed_parameter" {
				name = p.NamedChildren()[0]
			}
			if !seenStar {
				if def {
					seenDefault = true
				} else if seenDefault {
					syntax(p, "non-default argument follows default argument")
				}
			}
			bareStar = nil
			seenParam = true
			if seenStar {
				kwOnly = append(kwOnly, name)
			} else {
				names = append(names, name)
			}
		}
	}
	if bareStar != nil {
		if fn.Kind() == "lambda" {
			// CPython points at the lambda's ":".
			line, col := colonAfter(fn, ps)
			panic(&analyzer.Error{File: m.file, Line: line, Col: col, Msg: "syntax error: named arguments must follow bare *", Hint: hint})
		}
		syntax(bareStar, "named arguments must follow bare *")
	}
	seen := map[string]bool{}
	for _, n := range append(append(names, kwOnly...), varargs...) {
		id := ident(n.Text())
		if seen[id] {
			fail(m, n, "Rename one of the parameters", "syntax error: duplicate argument '%s' in function definition", id)
		}
		seen[id] = true
	}
}

// colonAfter is the position of the ":" that ends a lambda's parameters.
func colonAfter(fn, ps *pyparse.Node) (line, col int) {
	text, params := fn.Text(), ps.Text()
	start := len("lambda")
	start += strings.Index(text[start:], params) + len(params)
	line, col = fn.Pos()
	for i, r := range text {
		if i >= start && r == ':' {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
