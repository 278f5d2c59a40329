// Package pysyntax reads Python 3.11 source: a tokenizer with CPython's
// INDENT/DEDENT rules and errors (scanner.go), a typed syntax tree with
// byte offsets (ast.go; Lines turns offsets into lines and columns in code
// points), a recursive-descent parser for the whole 3.11 grammar
// (parser.go, expr.go, strings.go for literals and f-strings, match.go for
// patterns) and the checks CPython's compile() makes after parsing
// (check.go: __future__ imports, scopes and declarations, statements in
// the wrong place).
//
// Parse is meant to accept exactly the sources compile() accepts and to
// report the error compile() would raise first, with its class, message
// and line; the differential tests compare it with CPython 3.11. The
// source is read as UTF-8 whatever its encoding declaration says
// (Encoding returns it for the caller to decide).
// Function bodies are kept whole. Errors inside the package panic with a
// bailout value that Parse recovers; no other panic is recovered.
package pysyntax
