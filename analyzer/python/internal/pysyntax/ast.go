package pysyntax

// Node is a node of the syntax tree. Start is the offset of its first
// byte, End the offset just after its last byte.
type Node interface {
	Span() (start, end Pos)
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Pattern is a match-statement pattern.
type Pattern interface {
	Node
	patternNode()
}

// Range is the byte range of a node.
type Range struct{ Start, End Pos }

// Span returns the node's range.
func (r Range) Span() (Pos, Pos) { return r.Start, r.End }

// Expressions.
type (
	// Name is an identifier.
	Name struct {
		Range
		ID string
	}
	// Num is a numeric literal as written.
	Num struct {
		Range
		Raw string
	}
	// Lit is True, False, None or "...".
	Lit struct {
		Range
		Tok Token
	}
	// Str is one string literal or several adjacent ones.
	Str struct {
		Range
		Parts []*StrPart
	}
	// Tuple is a tuple display; Paren tells whether it is parenthesized
	// (the range then includes the parentheses).
	Tuple struct {
		Range
		Elts  []Expr
		Paren bool
	}
	// List is a list display.
	List struct {
		Range
		Elts []Expr
	}
	// Set is a set display.
	Set struct {
		Range
		Elts []Expr
	}
	// Dict is a dict display.
	Dict struct {
		Range
		Items []*DictItem
	}
	// DictItem is "key: value", or "**value" with a nil Key.
	DictItem struct {
		Range
		Key, Value Expr
	}
	// Comp is a comprehension or generator expression. Kind is LBRACK
	// (list), LBRACE (set or dict: Value is set for a dict) or LPAREN
	// (generator).
	Comp struct {
		Range
		Kind    Token
		Elt     Expr // the element, or a dict comprehension's key
		Value   Expr
		Clauses []*CompFor
	}
	// Paren is a parenthesized expression other than a tuple.
	Paren struct {
		Range
		X Expr
	}
	// Starred is "*value".
	Starred struct {
		Range
		Value Expr
	}
	// Attribute is "value.attr".
	Attribute struct {
		Range
		Value Expr
		Attr  *Name
	}
	// Subscript is "value[index]"; several comma-separated indexes make an
	// unparenthesized Tuple.
	Subscript struct {
		Range
		Value Expr
		Index Expr
	}
	// Slice is "lower:upper:step" inside a subscript.
	Slice struct {
		Range
		Lower, Upper, Step Expr
	}
	// Call is "fn(args)". Args holds the arguments in source order:
	// expressions, *Starred and *Keyword. Gen is set for "f(x for x in y)",
	// where Args holds only the generator.
	Call struct {
		Range
		Func Expr
		Args []Expr
		Gen  bool
		// LParen is the offset of the argument list's "(".
		LParen Pos
	}
	// Keyword is "name=value" in a call, or "**value" with a nil Name.
	Keyword struct {
		Range
		Name  *Name
		Value Expr
	}
	// BinOp is a binary arithmetic or bitwise operation.
	BinOp struct {
		Range
		X     Expr
		Op    Token
		OpPos Pos
		Y     Expr
	}
	// BoolOp is "x and y" or "x or y" (left-associative).
	BoolOp struct {
		Range
		X     Expr
		Op    Token
		OpPos Pos
		Y     Expr
	}
	// UnaryOp is "-x", "+x", "~x" or "not x".
	UnaryOp struct {
		Range
		Op    Token
		OpPos Pos
		X     Expr
	}
	// Compare is a comparison chain.
	Compare struct {
		Range
		Left        Expr
		Ops         []CmpOp
		Comparators []Expr
	}
	// Lambda is a lambda expression.
	Lambda struct {
		Range
		Params *Params // nil without parameters
		Body   Expr
	}
	// IfExp is "body if test else orelse".
	IfExp struct {
		Range
		Body, Test, Else Expr
	}
	// NamedExpr is "target := value".
	NamedExpr struct {
		Range
		Target *Name
		Value  Expr
	}
	// Await is "await value".
	Await struct {
		Range
		Value Expr
	}
	// Yield is "yield value" ("yield from value" when From).
	Yield struct {
		Range
		Value Expr
		From  bool
	}
)

// CmpOp is one comparison operator; Op is LESS…, IN, IS, or NOT (for
// "not in") / ISNOT.
type CmpOp struct {
	Op         CmpKind
	Start, End Pos
}

// CmpKind is a comparison operator.
type CmpKind uint8

// The comparison operators.
const (
	CmpEq CmpKind = iota
	CmpNotEq
	CmpLt
	CmpLtE
	CmpGt
	CmpGtE
	CmpIs
	CmpIsNot
	CmpIn
	CmpNotIn
)

// StrPart is one string literal token. For an f-string, Values holds its
// replacement fields in order; the literal text lies between them.
type StrPart struct {
	Range
	Prefix string // as written, e.g. "rb"
	Quote  int    // 1 or 3
	text   string // the token as written
	Values []*FormattedValue
}

// body returns the text between the quotes.
func (p *StrPart) body() string {
	return p.text[len(p.Prefix)+p.Quote : len(p.text)-p.Quote]
}

// Raw reports whether the part has an r prefix.
func (p *StrPart) Raw() bool { return hasPrefix(p.Prefix, 'r') }

// Bytes reports whether the part has a b prefix.
func (p *StrPart) Bytes() bool { return hasPrefix(p.Prefix, 'b') }

// FString reports whether the part has an f prefix.
func (p *StrPart) FString() bool { return hasPrefix(p.Prefix, 'f') }

func hasPrefix(prefix string, c byte) bool {
	for i := 0; i < len(prefix); i++ {
		if prefix[i]|0x20 == c {
			return true
		}
	}
	return false
}

// FormattedValue is a replacement field "{value!c:spec}" of an f-string;
// its range spans the braces.
type FormattedValue struct {
	Range
	Value Expr
	// Debug is set by "=" after the expression; DebugPos is its offset.
	Debug    bool
	DebugPos Pos
	// Conv is 's', 'r', 'a' or 0; ConvPos is the offset of its "!".
	Conv    byte
	ConvPos Pos
	// Spec is the format specification after ":", or nil.
	Spec *FormatSpec
}

// FormatSpec is the part of a replacement field from ":" to before "}";
// Values are its nested replacement fields.
type FormatSpec struct {
	Range
	Values []*FormattedValue
}

// CompFor is "for target in iter" of a comprehension with its "if"
// conditions.
type CompFor struct {
	Range
	Async  bool
	Target Expr
	Iter   Expr
	Ifs    []*CompIf
}

// CompIf is an "if cond" clause of a comprehension.
type CompIf struct {
	Range
	Cond Expr
}

// Statements.
type (
	// ExprStmt is an expression statement.
	ExprStmt struct {
		Range
		X Expr
	}
	// Assign is "t1 = t2 = value".
	Assign struct {
		Range
		Targets []Expr
		Value   Expr
	}
	// AugAssign is "target op= value"; Op is the binary operator.
	AugAssign struct {
		Range
		Target Expr
		Op     Token
		OpPos  Pos
		Value  Expr
	}
	// AnnAssign is "target: annotation [= value]".
	AnnAssign struct {
		Range
		Target     Expr
		Annotation Expr
		Value      Expr
	}
	// Return is "return [value]".
	Return struct {
		Range
		Value Expr
	}
	// Delete is "del targets".
	Delete struct {
		Range
		Targets []Expr
	}
	// Pass, Break and Continue are their keywords.
	Pass     struct{ Range }
	Break    struct{ Range }
	Continue struct{ Range }
	// Raise is "raise [exc [from cause]]".
	Raise struct {
		Range
		Exc, Cause Expr
	}
	// Global is "global names".
	Global struct {
		Range
		Names []*Name
	}
	// Nonlocal is "nonlocal names".
	Nonlocal struct {
		Range
		Names []*Name
	}
	// Assert is "assert test [, msg]".
	Assert struct {
		Range
		Test, Msg Expr
	}
	// Import is "import a.b as c, d".
	Import struct {
		Range
		Names []*Alias
	}
	// ImportFrom is "from ..module import names"; Star is set for
	// "import *" (StarPos is its offset). Level counts the leading dots,
	// which span LevelRange.
	ImportFrom struct {
		Range
		Level      int
		LevelRange Range
		Module     *Dotted // nil for "from . import x"
		Names      []*Alias
		Star       bool
		StarPos    Pos
	}
	// If is an if statement; Elifs are its elif clauses (each an If
	// starting at "elif").
	If struct {
		Range
		Test  Expr
		Body  *Block
		Elifs []*If
		Else  *Clause
	}
	// For is a for statement.
	For struct {
		Range
		Async  bool
		Target Expr
		Iter   Expr
		Body   *Block
		Else   *Clause
	}
	// While is a while statement.
	While struct {
		Range
		Test Expr
		Body *Block
		Else *Clause
	}
	// Try is a try statement; the handlers are all "except*" when Star.
	Try struct {
		Range
		Body     *Block
		Handlers []*ExceptHandler
		Star     bool
		Else     *Clause
		Finally  *Clause
	}
	// With is a with statement; Parens is set for "with (a, b):".
	With struct {
		Range
		Async  bool
		Items  []*WithItem
		Parens bool
		// ItemsRange spans the items (with their parentheses).
		ItemsRange Range
		Body       *Block
	}
	// FuncDef is a function definition with its decorators.
	FuncDef struct {
		Range
		Decorators []*Decorator
		// DefStart is the offset of "async" or "def".
		DefStart Pos
		Async    bool
		Name     *Name
		Params   *Params
		Returns  Expr
		Body     *Block
	}
	// ClassDef is a class definition with its decorators. Args holds the
	// bases and keywords in source order (nil without parentheses).
	ClassDef struct {
		Range
		Decorators []*Decorator
		DefStart   Pos
		Name       *Name
		Args       *ArgList
		Body       *Block
	}
	// Match is a match statement.
	Match struct {
		Range
		Subject Expr
		Cases   []*MatchCase
		// CasesRange spans the case clauses.
		CasesRange Range
	}
)

// Block is the body of a compound statement.
type Block struct {
	Range
	Stmts []Stmt
}

// Clause is an else or finally clause: the range starts at the keyword.
type Clause struct {
	Range
	Body *Block
}

// ExceptHandler is an except (or except*) clause.
type ExceptHandler struct {
	Range
	Type Expr
	Name *Name
	Body *Block
}

// WithItem is "context [as vars]".
type WithItem struct {
	Range
	Context Expr
	Vars    Expr
}

// Decorator is "@expr".
type Decorator struct {
	Range
	X Expr
}

// ArgList is a parenthesized class argument list.
type ArgList struct {
	Range
	Args []Expr
}

// Alias is "name [as asname]" in an import.
type Alias struct {
	Range
	Name   *Dotted
	AsName *Name
}

// Dotted is a dotted name "a.b.c".
type Dotted struct {
	Range
	Names []*Name
}

// String returns the name with its dots.
func (d *Dotted) String() string {
	s := ""
	for i, n := range d.Names {
		if i > 0 {
			s += "."
		}
		s += n.ID
	}
	return s
}

// Params is a parameter list in source order, separators included.
type Params struct {
	Range
	List []*Param
}

// ParamKind tells the kind of a parameter.
type ParamKind uint8

// The parameter kinds.
const (
	ParamPlain   ParamKind = iota
	ParamVarArgs           // *args
	ParamKwArgs            // **kwargs
	ParamSlash             // the "/" separator
	ParamStar              // the bare "*" separator
)

// Param is one parameter or separator.
type Param struct {
	Range
	Kind       ParamKind
	Name       *Name
	Annotation Expr
	Default    Expr
}

// MatchCase is "case pattern [if guard]: body".
type MatchCase struct {
	Range
	Pattern Pattern
	Guard   Expr
	// GuardPos is the offset of "if".
	GuardPos Pos
	Body     *Block
}

// Patterns.
type (
	// MatchValue is a literal or dotted-name value pattern.
	MatchValue struct {
		Range
		Value Expr
	}
	// MatchSequence is "[p, …]", "(p, …)" or an open "p, …"; Bracket is
	// LBRACK, LPAREN or 0.
	MatchSequence struct {
		Range
		Patterns []Pattern
		Bracket  Token
	}
	// MatchMapping is "{key: p, …, **rest}".
	MatchMapping struct {
		Range
		Keys     []Expr
		Patterns []Pattern
		Rest     *Name
	}
	// MatchClass is "cls(p, …, kw=p, …)".
	MatchClass struct {
		Range
		Cls         Expr
		Patterns    []Pattern
		KwdAttrs    []*Name
		KwdPatterns []Pattern
	}
	// MatchStar is "*name" or "*_" (nil Name).
	MatchStar struct {
		Range
		Name *Name
	}
	// MatchAs is "pattern as name", a capture "name", or "_" (both nil).
	MatchAs struct {
		Range
		Pattern Pattern
		Name    *Name
	}
	// MatchOr is "p | q | …".
	MatchOr struct {
		Range
		Patterns []Pattern
	}
	// MatchGroup is a parenthesized pattern "(p)".
	MatchGroup struct {
		Range
		Pattern Pattern
	}
)

// Module is a parsed source file.
type Module struct {
	Range
	Body []Stmt
	// Lines maps offsets to lines and columns.
	Lines *Lines
	// Src is the source text the offsets refer to.
	Src string
}

func (*Name) exprNode()      {}
func (*Num) exprNode()       {}
func (*Lit) exprNode()       {}
func (*Str) exprNode()       {}
func (*Tuple) exprNode()     {}
func (*List) exprNode()      {}
func (*Set) exprNode()       {}
func (*Dict) exprNode()      {}
func (*Comp) exprNode()      {}
func (*Paren) exprNode()     {}
func (*Starred) exprNode()   {}
func (*Attribute) exprNode() {}
func (*Subscript) exprNode() {}
func (*Slice) exprNode()     {}
func (*Call) exprNode()      {}
func (*Keyword) exprNode()   {}
func (*BinOp) exprNode()     {}
func (*BoolOp) exprNode()    {}
func (*UnaryOp) exprNode()   {}
func (*Compare) exprNode()   {}
func (*Lambda) exprNode()    {}
func (*IfExp) exprNode()     {}
func (*NamedExpr) exprNode() {}
func (*Await) exprNode()     {}
func (*Yield) exprNode()     {}

func (*ExprStmt) stmtNode()   {}
func (*Assign) stmtNode()     {}
func (*AugAssign) stmtNode()  {}
func (*AnnAssign) stmtNode()  {}
func (*Return) stmtNode()     {}
func (*Delete) stmtNode()     {}
func (*Pass) stmtNode()       {}
func (*Break) stmtNode()      {}
func (*Continue) stmtNode()   {}
func (*Raise) stmtNode()      {}
func (*Global) stmtNode()     {}
func (*Nonlocal) stmtNode()   {}
func (*Assert) stmtNode()     {}
func (*Import) stmtNode()     {}
func (*ImportFrom) stmtNode() {}
func (*If) stmtNode()         {}
func (*For) stmtNode()        {}
func (*While) stmtNode()      {}
func (*Try) stmtNode()        {}
func (*With) stmtNode()       {}
func (*FuncDef) stmtNode()    {}
func (*ClassDef) stmtNode()   {}
func (*Match) stmtNode()      {}

func (*MatchValue) patternNode()    {}
func (*MatchSequence) patternNode() {}
func (*MatchMapping) patternNode()  {}
func (*MatchClass) patternNode()    {}
func (*MatchStar) patternNode()     {}
func (*MatchAs) patternNode()       {}
func (*MatchOr) patternNode()       {}
func (*MatchGroup) patternNode()    {}
