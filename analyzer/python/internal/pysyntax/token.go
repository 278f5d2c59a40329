package pysyntax

// Token is a lexical token kind of Python 3.11.
type Token uint8

// The token kinds. Keywords are their own kinds; soft keywords (match,
// case, _) are NAMEs.
const (
	ILLEGAL Token = iota
	EOF
	NEWLINE
	INDENT
	DEDENT
	NAME
	NUMBER
	STRING

	LPAREN   // (
	RPAREN   // )
	LBRACK   // [
	RBRACK   // ]
	LBRACE   // {
	RBRACE   // }
	COLON    // :
	COMMA    // ,
	SEMI     // ;
	PLUS     // +
	MINUS    // -
	STAR     // *
	SLASH    // /
	VBAR     // |
	AMPER    // &
	LESS     // <
	GREATER  // >
	EQUAL    // =
	DOT      // .
	PERCENT  // %
	EQEQUAL  // ==
	NOTEQUAL // !=
	LESSEQ   // <=
	GREATEREQ
	TILDE      // ~
	CIRCUMFLEX // ^
	LSHIFT     // <<
	RSHIFT     // >>
	DOUBLESTAR // **
	PLUSEQ     // +=
	MINUSEQ    // -=
	STAREQ     // *=
	SLASHEQ    // /=
	PERCENTEQ  // %=
	AMPEREQ    // &=
	VBAREQ     // |=
	CIRCUMFLEXEQ
	LSHIFTEQ
	RSHIFTEQ
	DOUBLESTAREQ
	DOUBLESLASH // //
	DOUBLESLASHEQ
	AT     // @
	ATEQ   // @=
	RARROW // ->
	ELLIPSIS
	COLONEQ // :=
	BANG    // ! (only inside f-strings)
	OTHER   // an operator character Python does not know ($, ?, `)

	keywordBeg
	FALSE
	NONE
	TRUE
	AND
	AS
	ASSERT
	ASYNC
	AWAIT
	BREAK
	CLASS
	CONTINUE
	DEF
	DEL
	ELIF
	ELSE
	EXCEPT
	FINALLY
	FOR
	FROM
	GLOBAL
	IF
	IMPORT
	IN
	IS
	LAMBDA
	NONLOCAL
	NOT
	OR
	PASS
	RAISE
	RETURN
	TRY
	WHILE
	WITH
	YIELD
	keywordEnd
)

var tokenNames = [...]string{
	ILLEGAL: "ILLEGAL", EOF: "end of file", NEWLINE: "newline", INDENT: "indent", DEDENT: "dedent",
	NAME: "name", NUMBER: "number", STRING: "string",
	LPAREN: "(", RPAREN: ")", LBRACK: "[", RBRACK: "]", LBRACE: "{", RBRACE: "}",
	COLON: ":", COMMA: ",", SEMI: ";", PLUS: "+", MINUS: "-", STAR: "*", SLASH: "/",
	VBAR: "|", AMPER: "&", LESS: "<", GREATER: ">", EQUAL: "=", DOT: ".", PERCENT: "%",
	EQEQUAL: "==", NOTEQUAL: "!=", LESSEQ: "<=", GREATEREQ: ">=", TILDE: "~", CIRCUMFLEX: "^",
	LSHIFT: "<<", RSHIFT: ">>", DOUBLESTAR: "**", PLUSEQ: "+=", MINUSEQ: "-=", STAREQ: "*=",
	SLASHEQ: "/=", PERCENTEQ: "%=", AMPEREQ: "&=", VBAREQ: "|=", CIRCUMFLEXEQ: "^=",
	LSHIFTEQ: "<<=", RSHIFTEQ: ">>=", DOUBLESTAREQ: "**=", DOUBLESLASH: "//", DOUBLESLASHEQ: "//=",
	AT: "@", ATEQ: "@=", RARROW: "->", ELLIPSIS: "...", COLONEQ: ":=", BANG: "!", OTHER: "?",
	FALSE: "False", NONE: "None", TRUE: "True", AND: "and", AS: "as", ASSERT: "assert",
	ASYNC: "async", AWAIT: "await", BREAK: "break", CLASS: "class", CONTINUE: "continue",
	DEF: "def", DEL: "del", ELIF: "elif", ELSE: "else", EXCEPT: "except", FINALLY: "finally",
	FOR: "for", FROM: "from", GLOBAL: "global", IF: "if", IMPORT: "import", IN: "in", IS: "is",
	LAMBDA: "lambda", NONLOCAL: "nonlocal", NOT: "not", OR: "or", PASS: "pass", RAISE: "raise",
	RETURN: "return", TRY: "try", WHILE: "while", WITH: "with", YIELD: "yield",
}

// String is the token's spelling, or a description for the kinds
// without one.
func (t Token) String() string {
	if int(t) < len(tokenNames) && tokenNames[t] != "" {
		return tokenNames[t]
	}
	return "token"
}

// IsKeyword reports whether t is a hard keyword.
func (t Token) IsKeyword() bool { return t > keywordBeg && t < keywordEnd }

// lookupName returns the keyword token of a name, or NAME.
func lookupName(s string) Token {
	if len(s) < 2 || len(s) > 8 {
		return NAME
	}
	if k := &keywords[keywordHash(s)]; k.word == s {
		return k.tok
	}
	return NAME
}

// keywordHash gives every hard keyword its own slot of keywords.
func keywordHash(s string) int { return (int(s[0]) + 11*int(s[len(s)-1]) + len(s)) & 127 }

// keywords holds each hard keyword in the slot keywordHash gives it.
var keywords = func() (t [128]struct {
	word string
	tok  Token
}) {
	for tok := keywordBeg + 1; tok < keywordEnd; tok++ {
		k := &t[keywordHash(tok.String())]
		if k.word != "" {
			panic("pysyntax: keywords " + k.word + " and " + tok.String() + " share a slot")
		}
		k.word, k.tok = tok.String(), tok
	}
	return t
}()

// augmented maps an augmented assignment operator to its binary operator
// (0 for the other tokens).
var augmented = [256]Token{
	PLUSEQ: PLUS, MINUSEQ: MINUS, STAREQ: STAR, SLASHEQ: SLASH, PERCENTEQ: PERCENT,
	AMPEREQ: AMPER, VBAREQ: VBAR, CIRCUMFLEXEQ: CIRCUMFLEX, LSHIFTEQ: LSHIFT, RSHIFTEQ: RSHIFT,
	DOUBLESTAREQ: DOUBLESTAR, DOUBLESLASHEQ: DOUBLESLASH, ATEQ: AT,
}
