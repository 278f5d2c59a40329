package pysyntax

// Inspect traverses the tree rooted at n in source order, calling f for
// each node; when f returns false the node's children are skipped.
func Inspect(n Node, f func(Node) bool) {
	if n == nil || !f(n) {
		return
	}
	w := func(ns ...Node) {
		for _, c := range ns {
			if c != nil && !isNilNode(c) {
				Inspect(c, f)
			}
		}
	}
	switch n := n.(type) {
	case *Module:
		for _, s := range n.Body {
			w(s)
		}
	case *Block:
		for _, s := range n.Stmts {
			w(s)
		}
	case *Clause:
		w(n.Body)
	case *Str:
		for _, p := range n.Parts {
			for _, v := range p.Values {
				w(v)
			}
		}
	case *FormattedValue:
		w(n.Value)
		if n.Spec != nil {
			for _, v := range n.Spec.Values {
				w(v)
			}
		}
	case *Tuple:
		for _, e := range n.Elts {
			w(e)
		}
	case *List:
		for _, e := range n.Elts {
			w(e)
		}
	case *Set:
		for _, e := range n.Elts {
			w(e)
		}
	case *Dict:
		for _, it := range n.Items {
			w(it)
		}
	case *DictItem:
		w(n.Key, n.Value)
	case *Comp:
		w(n.Elt, n.Value)
		for _, c := range n.Clauses {
			w(c)
		}
	case *CompFor:
		w(n.Target, n.Iter)
		for _, i := range n.Ifs {
			w(i)
		}
	case *CompIf:
		w(n.Cond)
	case *Paren:
		w(n.X)
	case *Starred:
		w(n.Value)
	case *Attribute:
		w(n.Value, n.Attr)
	case *Subscript:
		w(n.Value, n.Index)
	case *Slice:
		w(n.Lower, n.Upper, n.Step)
	case *Call:
		w(n.Func)
		for _, a := range n.Args {
			w(a)
		}
	case *Keyword:
		w(n.Name, n.Value)
	case *BinOp:
		w(n.X, n.Y)
	case *BoolOp:
		w(n.X, n.Y)
	case *UnaryOp:
		w(n.X)
	case *Compare:
		w(n.Left)
		for _, e := range n.Comparators {
			w(e)
		}
	case *Lambda:
		w(n.Params, n.Body)
	case *IfExp:
		w(n.Body, n.Test, n.Else)
	case *NamedExpr:
		w(n.Target, n.Value)
	case *Await:
		w(n.Value)
	case *Yield:
		w(n.Value)
	case *Params:
		for _, p := range n.List {
			w(p)
		}
	case *Param:
		w(n.Name, n.Annotation, n.Default)
	case *ExprStmt:
		w(n.X)
	case *Assign:
		for _, t := range n.Targets {
			w(t)
		}
		w(n.Value)
	case *AugAssign:
		w(n.Target, n.Value)
	case *AnnAssign:
		w(n.Target, n.Annotation, n.Value)
	case *Return:
		w(n.Value)
	case *Delete:
		for _, t := range n.Targets {
			w(t)
		}
	case *Raise:
		w(n.Exc, n.Cause)
	case *Global:
		for _, x := range n.Names {
			w(x)
		}
	case *Nonlocal:
		for _, x := range n.Names {
			w(x)
		}
	case *Assert:
		w(n.Test, n.Msg)
	case *Import:
		for _, a := range n.Names {
			w(a)
		}
	case *ImportFrom:
		w(n.Module)
		for _, a := range n.Names {
			w(a)
		}
	case *Alias:
		w(n.Name, n.AsName)
	case *Dotted:
		for _, x := range n.Names {
			w(x)
		}
	case *If:
		w(n.Test, n.Body)
		for _, e := range n.Elifs {
			w(e)
		}
		w(n.Else)
	case *For:
		w(n.Target, n.Iter, n.Body, n.Else)
	case *While:
		w(n.Test, n.Body, n.Else)
	case *Try:
		w(n.Body)
		for _, h := range n.Handlers {
			w(h)
		}
		w(n.Else, n.Finally)
	case *ExceptHandler:
		w(n.Type, n.Name, n.Body)
	case *With:
		for _, it := range n.Items {
			w(it)
		}
		w(n.Body)
	case *WithItem:
		w(n.Context, n.Vars)
	case *FuncDef:
		for _, d := range n.Decorators {
			w(d)
		}
		w(n.Name, n.Params, n.Returns, n.Body)
	case *ClassDef:
		for _, d := range n.Decorators {
			w(d)
		}
		w(n.Name, n.Args, n.Body)
	case *ArgList:
		for _, a := range n.Args {
			w(a)
		}
	case *Decorator:
		w(n.X)
	case *Match:
		w(n.Subject)
		for _, c := range n.Cases {
			w(c)
		}
	case *MatchCase:
		w(n.Pattern, n.Guard, n.Body)
	case *MatchValue:
		w(n.Value)
	case *MatchSequence:
		for _, p := range n.Patterns {
			w(p)
		}
	case *MatchMapping:
		for i, k := range n.Keys {
			w(k, n.Patterns[i])
		}
		w(n.Rest)
	case *MatchClass:
		w(n.Cls)
		for _, p := range n.Patterns {
			w(p)
		}
		for i, a := range n.KwdAttrs {
			w(a, n.KwdPatterns[i])
		}
	case *MatchStar:
		w(n.Name)
	case *MatchAs:
		w(n.Pattern, n.Name)
	case *MatchOr:
		for _, p := range n.Patterns {
			w(p)
		}
	case *MatchGroup:
		w(n.Pattern)
	}
}

// isNilNode reports a typed nil pointer stored in a Node interface.
func isNilNode(n Node) bool {
	switch n := n.(type) {
	case *Name:
		return n == nil
	case *Block:
		return n == nil
	case *Clause:
		return n == nil
	case *Params:
		return n == nil
	case *Dotted:
		return n == nil
	case *ArgList:
		return n == nil
	case *FormatSpec:
		return n == nil
	}
	return false
}
