package pysyntax

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Pos is a byte offset into the source of a File.
type Pos int32

// NoPos marks an absent position.
const NoPos Pos = -1

// Lines maps byte offsets to lines and columns. A line ends at "\n",
// "\r\n" or a lone "\r", as in CPython. The table of line starts is
// made on first use: most parses never need it.
type Lines struct {
	src   string
	once  sync.Once
	start []int32 // byte offset of each line's first byte
}

func newLines(src string) *Lines { return &Lines{src: src} }

// starts returns the table of line starts.
func (l *Lines) starts() []int32 {
	l.once.Do(l.index)
	return l.start
}

func (l *Lines) index() {
	src := l.src
	l.start = make([]int32, 1, len(src)/32+2)
	if strings.IndexByte(src, '\r') < 0 {
		// Only "\n" endings: find them with IndexByte.
		for i := 0; ; {
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				return
			}
			i += j + 1
			l.start = append(l.start, int32(i))
		}
	}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			l.start = append(l.start, int32(i+1))
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			l.start = append(l.start, int32(i+1))
		}
	}
}

// Line returns the 1-based line of p.
func (l *Lines) Line(p Pos) int {
	start := l.starts()
	return sort.Search(len(start), func(i int) bool { return start[i] > int32(p) })
}

// Position returns the 1-based line and the 1-based column of p in code
// points.
func (l *Lines) Position(p Pos) (line, col int) {
	line = l.Line(p)
	ls := int(l.starts()[line-1])
	end := min(int(p), len(l.src))
	if end < ls {
		return line, 1
	}
	return line, utf8.RuneCountInString(l.src[ls:end]) + 1
}

// LineStart returns the byte offset where the 1-based line starts.
func (l *Lines) LineStart(line int) Pos { return Pos(l.starts()[line-1]) }

// ErrorKind is the class of a SyntaxError as CPython names it.
type ErrorKind uint8

// The error classes.
const (
	SyntaxErr ErrorKind = iota
	IndentationErr
	TabErr
	// RecursionErr is CPython's RecursionError for sources nested too
	// deeply to compile.
	RecursionErr
	// MemoryErr is CPython's MemoryError for sources too complex for its
	// parser's stack.
	MemoryErr
	// ValueErr is CPython's ValueError for a source with null bytes.
	ValueErr
)

func (k ErrorKind) String() string {
	switch k {
	case IndentationErr:
		return "IndentationError"
	case TabErr:
		return "TabError"
	case RecursionErr:
		return "RecursionError"
	case MemoryErr:
		return "MemoryError"
	case ValueErr:
		return "ValueError"
	}
	return "SyntaxError"
}

// Error is a source CPython 3.11's compile() rejects, at the line and
// column (1-based, in code points) CPython reports; both are 0 for the
// errors CPython reports without a position (RecursionError, MemoryError,
// ValueError).
type Error struct {
	Kind      ErrorKind
	Line, Col int
	Msg       string
}

// Error gives the position and the message.
func (e *Error) Error() string {
	if e.Kind != SyntaxErr {
		return fmt.Sprintf("%d:%d: %s: %s", e.Line, e.Col, e.Kind, e.Msg)
	}
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

// bailout is the panic value that carries an Error out of the scanner and
// the parser to the exported entry points.
type bailout struct{ err *Error }
