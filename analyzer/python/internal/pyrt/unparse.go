package pyrt

import (
	"strings"

	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// Precedences of ast.unparse (Lib/ast.py _Precedence), lowest first.
const (
	precTuple = iota
	precYield
	precTest
	precOr
	precAnd
	precNot
	precCmp
	precExpr
	precBOr
	precBXor
	precBAnd
	precShift
	precArith
	precTerm
	precFactor
	precPower
	precAwait
	precAtom
)

var binPrec = map[syn.Token]int{
	syn.VBAR: precBOr, syn.CIRCUMFLEX: precBXor, syn.AMPER: precBAnd,
	syn.LSHIFT: precShift, syn.RSHIFT: precShift, syn.PLUS: precArith, syn.MINUS: precArith,
	syn.STAR: precTerm, syn.SLASH: precTerm, syn.DOUBLESLASH: precTerm, syn.PERCENT: precTerm,
	syn.AT: precTerm, syn.DOUBLESTAR: precPower,
}

var cmpText = map[syn.CmpKind]string{
	syn.CmpEq: "==", syn.CmpNotEq: "!=", syn.CmpLt: "<", syn.CmpLtE: "<=", syn.CmpGt: ">",
	syn.CmpGtE: ">=", syn.CmpIs: "is", syn.CmpIsNot: "is not", syn.CmpIn: "in", syn.CmpNotIn: "not in",
}

// unparser renders expressions as ast.unparse does, which is how
// CPython stores annotations under "from __future__ import annotations".
type unparser struct {
	fr *frame
	b  strings.Builder
}

// unparse renders e; ok is false for an expression it does not render
// (the source text is then used).
func (fr *frame) unparse(e syn.Expr) (string, bool) {
	u := &unparser{fr: fr}
	if !u.expr(e, precTest) {
		return fr.file.text(e), false
	}
	return u.b.String(), true
}

func (u *unparser) paren(open bool, f func() bool) bool {
	if open {
		u.b.WriteByte('(')
	}
	ok := f()
	if open {
		u.b.WriteByte(')')
	}
	return ok
}

func (u *unparser) list(elts []syn.Expr, sep string) bool {
	for i, e := range elts {
		if i > 0 {
			u.b.WriteString(sep)
		}
		if !u.expr(e, precTest) {
			return false
		}
	}
	return true
}

func (u *unparser) expr(e syn.Expr, prec int) bool {
	switch e := e.(type) {
	case *syn.Name:
		u.b.WriteString(e.ID)
	case *syn.Paren:
		return u.expr(e.X, prec)
	case *syn.Lit, *syn.Num, *syn.Str:
		v, err := u.fr.eval(e)
		if err != nil {
			return false
		}
		if v == Ellipsis {
			u.b.WriteString("...")
			return true
		}
		s, err := Repr(nil, v)
		if err != nil {
			return false
		}
		u.b.WriteString(s)
	case *syn.Attribute:
		if n, ok := e.Value.(*syn.Num); ok && !strings.ContainsAny(n.Raw, ".eExXjJ") {
			u.b.WriteString(n.Raw + " ")
		} else if !u.expr(e.Value, precAtom) {
			return false
		}
		u.b.WriteString("." + e.Attr.ID)
	case *syn.Subscript:
		if !u.expr(e.Value, precAtom) {
			return false
		}
		u.b.WriteByte('[')
		if t, ok := e.Index.(*syn.Tuple); ok && len(t.Elts) > 0 {
			if !u.list(t.Elts, ", ") {
				return false
			}
		} else if !u.expr(e.Index, precTuple) {
			return false
		}
		u.b.WriteByte(']')
	case *syn.Tuple:
		return u.paren(true, func() bool {
			ok := u.list(e.Elts, ", ")
			if len(e.Elts) == 1 {
				u.b.WriteByte(',')
			}
			return ok
		})
	case *syn.List:
		return u.paren(false, func() bool {
			u.b.WriteByte('[')
			ok := u.list(e.Elts, ", ")
			u.b.WriteByte(']')
			return ok
		})
	case *syn.BinOp:
		p := binPrec[e.Op]
		return u.paren(prec > p, func() bool {
			left, right := p, p+1
			if e.Op == syn.DOUBLESTAR {
				left, right = p+1, p
			}
			if !u.expr(e.X, left) {
				return false
			}
			u.b.WriteString(" " + e.Op.String() + " ")
			return u.expr(e.Y, right)
		})
	case *syn.UnaryOp:
		p := precFactor
		op := e.Op.String()
		if e.Op == syn.NOT {
			p, op = precNot, "not "
		}
		return u.paren(prec > p, func() bool {
			u.b.WriteString(op)
			return u.expr(e.X, p)
		})
	case *syn.Call:
		if !u.expr(e.Func, precAtom) {
			return false
		}
		u.b.WriteByte('(')
		// ast keeps positional (and starred) arguments apart from
		// keywords; unparse writes them first.
		var args []syn.Expr
		for _, a := range e.Args {
			if _, kw := a.(*syn.Keyword); !kw {
				args = append(args, a)
			}
		}
		for _, a := range e.Args {
			if _, kw := a.(*syn.Keyword); kw {
				args = append(args, a)
			}
		}
		for i, a := range args {
			if i > 0 {
				u.b.WriteString(", ")
			}
			switch a := a.(type) {
			case *syn.Keyword:
				if a.Name == nil {
					u.b.WriteString("**")
				} else {
					u.b.WriteString(a.Name.ID + "=")
				}
				if !u.expr(a.Value, precTest) {
					return false
				}
			case *syn.Starred:
				u.b.WriteByte('*')
				if !u.expr(a.Value, precExpr) {
					return false
				}
			default:
				if !u.expr(a, precTest) {
					return false
				}
			}
		}
		u.b.WriteByte(')')
	case *syn.Compare:
		return u.paren(prec > precCmp, func() bool {
			if !u.expr(e.Left, precCmp+1) {
				return false
			}
			for i, op := range e.Ops {
				u.b.WriteString(" " + cmpText[op.Op] + " ")
				if !u.expr(e.Comparators[i], precCmp+1) {
					return false
				}
			}
			return true
		})
	default:
		return false
	}
	return true
}
