package pyparse

import (
	sx "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// The outline's blocks end where the tree-sitter grammar ended them: a
// block also holds a comment on the line of its last statement and the
// comment lines after it that are indented at least as deep as the block
// (tabs count 8 columns). Compound statements end with their last block.

// stmtEnd returns the end of a statement in the outline.
func (c *converter) stmtEnd(s sx.Stmt) sx.Pos {
	switch s := s.(type) {
	case *sx.If:
		switch {
		case s.Else != nil:
			return c.blockEnd(s.Else.Body)
		case len(s.Elifs) > 0:
			return c.blockEnd(s.Elifs[len(s.Elifs)-1].Body)
		}
		return c.blockEnd(s.Body)
	case *sx.For:
		if s.Else != nil {
			return c.blockEnd(s.Else.Body)
		}
		return c.blockEnd(s.Body)
	case *sx.While:
		if s.Else != nil {
			return c.blockEnd(s.Else.Body)
		}
		return c.blockEnd(s.Body)
	case *sx.Try:
		switch {
		case s.Finally != nil:
			return c.blockEnd(s.Finally.Body)
		case s.Else != nil:
			return c.blockEnd(s.Else.Body)
		}
		return c.blockEnd(s.Handlers[len(s.Handlers)-1].Body)
	case *sx.With:
		return c.blockEnd(s.Body)
	case *sx.FuncDef:
		return c.blockEnd(s.Body)
	case *sx.ClassDef:
		return c.blockEnd(s.Body)
	case *sx.Match:
		return c.matchEnd(s)
	}
	return endOf(s)
}

func (c *converter) matchEnd(m *sx.Match) sx.Pos {
	last := m.Cases[len(m.Cases)-1]
	return c.comments(c.blockEnd(last.Body), c.indentAt(last.Start))
}

// blockEnd returns the end of a block in the outline.
// The last block measured is remembered: a clause's extent is measured
// just before its block is converted, which measures it again.
func (c *converter) blockEnd(b *sx.Block) sx.Pos {
	if b == c.endOf.block {
		return c.endOf.end
	}
	end := c.stmtEnd(b.Stmts[len(b.Stmts)-1])
	if !c.startsLine(b.Start) {
		// A block on the header's line ends with its line.
		end = c.comments(end, -1)
	} else {
		end = c.comments(end, c.indentAt(b.Start))
	}
	c.endOf.block, c.endOf.end = b, end
	return end
}

// startsLine reports whether only blanks precede p on its line.
func (c *converter) startsLine(p sx.Pos) bool {
	src := c.src
	for i := int(p) - 1; i >= 0; i-- {
		switch src[i] {
		case ' ', '\t', '\f':
			continue
		case '\n', '\r':
			return true
		}
		return false
	}
	return true
}

// indentAt is the indentation of the line holding p (the start of a
// token), tabs counting 8: the blanks after the last form feed, counted
// back from p to the line start.
func (c *converter) indentAt(p sx.Pos) int {
	src := c.src
	n := 0
	for i := int(p) - 1; i >= 0; i-- {
		switch src[i] {
		case ' ':
			n++
		case '\t':
			n += 8
		case '\f', '\n', '\r':
			// What precedes a form feed does not count.
			return n
		}
	}
	return n
}

// comments extends end over a comment on its line and, when indent >= 0,
// over the following comment lines indented at least indent.
func (c *converter) comments(end sx.Pos, indent int) sx.Pos {
	src := c.src
	i := int(end)
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f') {
		i++
	}
	if i < len(src) && src[i] == '#' {
		for i < len(src) && src[i] != '\n' && src[i] != '\r' {
			i++
		}
		end = sx.Pos(i)
	}
	if indent < 0 {
		return end
	}
	for i < len(src) {
		// At a line end: look at the next line.
		if src[i] == '\r' || src[i] == '\n' {
			i++
			n := 0
			for i < len(src) {
				switch src[i] {
				case ' ':
					n++
				case '\t':
					n += 8
				case '\f', '\r':
					n = 0
				default:
					goto content
				}
				i++
			}
		content:
			if i >= len(src) {
				return end
			}
			switch src[i] {
			case '\n':
				continue
			case '#':
				if n < indent {
					return end
				}
				for i < len(src) && src[i] != '\n' && src[i] != '\r' {
					i++
				}
				end = sx.Pos(i)
				continue
			}
			return end
		}
		i++
	}
	return end
}
