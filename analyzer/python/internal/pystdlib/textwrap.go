package pystdlib

import "github.com/asterkit/aster/analyzer/python/internal/pyrt"

// textwrap: dedent, indent, and TextWrapper with wrap, fill and shorten,
// splitting text into chunks at the places CPython's word-separator
// pattern does (whitespace runs; after a hyphen between letters; around
// an em-dash of two or more hyphens). A subclass that replaces the
// separator patterns gives unknown values.
func init() {
	models["textwrap"] = &model{src: textwrapSrc, helpers: func(*Host) map[string]pyrt.Value {
		return map[string]pyrt.Value{
			"unknown": &pyrt.Unknown{Why: "a TextWrapper with its own separator patterns is not modelled"},
		}
	}}
}

const textwrapSrc = `
from _host_textwrap import unknown as _unknown

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_WS = '\t\n\x0b\x0c\r '

def _word(c):
    return c.isalnum() or c == '_'

def _letter(c):
    return _word(c) and not c.isdecimal()

def _word_or_mark(c):
    return _word(c) or c in '!"\'&.,?'

def _dash_run_end(text, pos):
    # The end of a run of two or more hyphens at pos that follows a word
    # character or mark and precedes a word character, else 0.
    if pos == 0 or not _word_or_mark(text[pos - 1]):
        return 0
    end = pos
    while end < len(text) and text[end] == '-':
        end += 1
    if end - pos >= 2 and end < len(text) and _word(text[end]):
        return end
    return 0

def _hyphen_break(text, q):
    # Whether a word may break after the hyphen at q: two letters (or
    # letter, hyphen, letter) before it, and a letter, then a letter or a
    # hyphen and a letter, after it.
    n = len(text)
    before = (q >= 2 and _letter(text[q - 2]) and _letter(text[q - 1])) or (
        q >= 3 and _letter(text[q - 3]) and text[q - 2] == '-' and _letter(text[q - 1]))
    if not before or q + 1 >= n or not _letter(text[q + 1]):
        return False
    return (q + 2 < n and _letter(text[q + 2])) or (q + 3 < n and text[q + 2] == '-' and _letter(text[q + 3]))

def _word_end(text, pos):
    n = len(text)
    q = pos + 1
    while True:
        if q < n and text[q] == '-' and _hyphen_break(text, q):
            return q + 1
        if q == n or text[q] in _WS:
            return q
        if _word_or_mark(text[q - 1]) and _dash_run_end(text, q):
            return q
        q += 1

def _split_text(text, hyphens):
    chunks = []
    n = len(text)
    pos = 0
    while pos < n:
        if text[pos] in _WS:
            end = pos + 1
            while end < n and text[end] in _WS:
                end += 1
        elif hyphens:
            end = _dash_run_end(text, pos) or _word_end(text, pos)
        else:
            end = pos + 1
            while end < n and text[end] not in _WS:
                end += 1
        chunks.append(text[pos:end])
        pos = end
    return chunks

def _sentence_end(chunk):
    # A lowercase ASCII letter, then . ! or ?, then perhaps a quote, at the end.
    lower = 'abcdefghijklmnopqrstuvwxyz'
    if len(chunk) >= 2 and chunk[-2] in lower and chunk[-1] in '.!?':
        return True
    return len(chunk) >= 3 and chunk[-3] in lower and chunk[-2] in '.!?' and chunk[-1] in '"\''

class TextWrapper:
    unicode_whitespace_trans = {ord(c): ord(' ') for c in _WS}
    wordsep_re = wordsep_simple_re = sentence_end_re = _unknown

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _own_patterns(self):
        names = ('wordsep_re', 'wordsep_simple_re', 'sentence_end_re')
        for cls in type(self).__mro__:
            if cls is TextWrapper:
                break
            if any(n in cls.__dict__ for n in names):
                return True
        return any(n in self.__dict__ for n in names)

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in _WS:
                text = text.replace(c, ' ')
        return text

    def _split(self, text):
        return _split_text(text, self.break_on_hyphens)

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == ' ' and _sentence_end(chunks[i]):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip('-'):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError('invalid width %r (must be > 0)' % self.width)
        if self.max_lines is not None:
            first = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(first) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError('placeholder too large for max width')
        chunks.reverse()
        while chunks:
            line = []
            size = 0
            prefix = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(prefix)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                chunks.pop()
            while chunks and size + len(chunks[-1]) <= width:
                size += len(chunks[-1])
                line.append(chunks.pop())
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, line, size, width)
                size = sum([len(c) for c in line])
            if self.drop_whitespace and line and line[-1].strip() == '':
                size -= len(line.pop())
            if not line:
                continue
            rest_blank = not chunks or (self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
            if self.max_lines is None or len(lines) + 1 < self.max_lines or (rest_blank and size <= width):
                lines.append(prefix + ''.join(line))
                continue
            # The last line allowed: end it with the placeholder.
            while line:
                if line[-1].strip() and size + len(self.placeholder) <= width:
                    line.append(self.placeholder)
                    lines.append(prefix + ''.join(line))
                    return lines
                size -= len(line.pop())
            if lines:
                last = lines[-1].rstrip()
                if len(last) + len(self.placeholder) <= self.width:
                    lines[-1] = last + self.placeholder
                    return lines
            lines.append(prefix + self.placeholder.lstrip())
            return lines
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        if self._own_patterns():
            return _unknown
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return '\n'.join(self.wrap(text))

def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)

def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)

def shorten(text, width, **kwargs):
    return TextWrapper(width=width, max_lines=1, **kwargs).fill(' '.join(text.strip().split()))

def dedent(text):
    # Lines of only spaces and tabs become empty; the longest run of
    # spaces and tabs that starts every other line is removed.
    lines = text.split('\n')
    for i, line in enumerate(lines):
        if line and not line.strip(' \t'):
            lines[i] = ''
    margin = None
    for line in lines:
        body = line.lstrip(' \t')
        if not body:
            continue
        lead = line[:len(line) - len(body)]
        if margin is None or margin.startswith(lead):
            margin = lead
        elif not lead.startswith(margin):
            k = 0
            while k < len(margin) and k < len(lead) and margin[k] == lead[k]:
                k += 1
            margin = margin[:k]
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)

def indent(text, prefix, predicate=None):
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join([prefix + line if predicate(line) else line for line in text.splitlines(True)])
`
