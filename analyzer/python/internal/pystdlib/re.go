package pystdlib

import "github.com/asterkit/aster/analyzer/python/internal/pyrt"

// re: the flags (RegexFlag, an IntFlag with re's own repr), escape, error,
// and compile, which checks a pattern as CPython's parser does (the same
// errors, messages and positions) and gives a Pattern with CPython's
// pattern, flags, groups, groupindex, repr and equality, and matching
// (match, fullmatch, search, findall, finditer, split, sub, subn and the
// Match object) by the walk in re_match.go. \N{...} escapes, the LOCALE
// flag, case folding beyond ASCII, re.template and Pattern.scanner give
// unknown values.
func init() {
	models["re"] = &model{src: reSrc, pkg: true, helpers: func(*Host) map[string]pyrt.Value {
		return map[string]pyrt.Value{
			"unknown": &pyrt.Unknown{Why: "this use of re is not modelled"},
		}
	}}
}

const reSrc = `
import enum as _enum
from _host_re import unknown as _unknown

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer',
           'compile', 'purge', 'template', 'escape', 'error', 'Pattern', 'Match', 'A', 'I',
           'L', 'M', 'S', 'X', 'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL',
           'VERBOSE', 'UNICODE', 'NOFLAG', 'RegexFlag']

_ALL_BITS = 511

class RegexFlag(_enum.IntFlag):
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    TEMPLATE = T = 1
    DEBUG = 128

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        # Bits outside the flags are kept; a negative value is taken as
        # its complement within the flag bits (or wider, when it has more).
        if value < 0 and value < ~_ALL_BITS:
            value = max(_ALL_BITS + 1, 2 ** value.bit_length()) + value
        if value < 0:
            value = _ALL_BITS + 1 + value
        member = int.__new__(cls, value)
        member._value_ = value
        names = [n for n in cls._member_names_ if value & cls._member_map_[n]._value_]
        if names and value & ~_ALL_BITS:
            names.append(hex(value & ~_ALL_BITS))
        member._name_ = '|'.join(names) if names else None
        cls._value2member_map_[value] = member
        return member

    def __invert__(self):
        return type(self)(~self._value_)

    def __iter__(self):
        return iter([self._member_map_[n] for n in self._member_names_ if self._value_ & self._member_map_[n]._value_])

    def __len__(self):
        return bin(self._value_).count('1')

    def __hash__(self):
        return hash(self._value_)

    def __repr__(self):
        if self._name_ is None:
            return 're.RegexFlag(%r)' % (self._value_,)
        return '|'.join([n if n[0].isdigit() else 're.' + n for n in self._name_.split('|')])

    __str__ = __repr__

    def __format__(self, spec):
        if spec:
            return format(self._value_, spec)
        return str(self)

NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
T = TEMPLATE = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG

class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            text = pattern.decode('latin-1') if isinstance(pattern, bytes) else pattern
            self.lineno = text.count('\n', 0, pos) + 1
            self.colno = pos - text.rfind('\n', 0, pos)
            if '\n' in text:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)

_ESCAPED = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')

def escape(pattern):
    if isinstance(pattern, str):
        return ''.join(['\\' + c if c in _ESCAPED else c for c in pattern])
    if not isinstance(pattern, bytes):
        raise TypeError('decoding to str: need a bytes-like object, %s found' % type(pattern).__name__)
    return escape(pattern.decode('latin-1')).encode('latin-1')

# The parser: a tokenizer with one token of look-ahead (a backslash and
# the character after it are one token), and a recursive descent that
# builds a tree of tuples, enough to count the groups, check group
# references and measure widths.

_MAXREPEAT = 4294967295
_MAXGROUPS = 1073741823
_DIGITS = '0123456789'
_OCTDIGITS = '01234567'
_HEXDIGITS = '0123456789abcdefABCDEF'
_ASCIILETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
_WHITESPACE = ' \t\n\r\v\f'
_SPECIAL = '.\\[{()*+?^$|'
_FLAG_CHARS = {'i': 2, 'L': 4, 'm': 8, 's': 16, 'x': 64, 'a': 256, 't': 1, 'u': 32}
_TYPE_FLAGS = 256 | 4 | 32
_GLOBAL_FLAGS = 128 | 1
_SIMPLE_ESCAPES = {'\\a': 7, '\\b': 8, '\\f': 12, '\\n': 10, '\\r': 13, '\\t': 9, '\\v': 11, '\\\\': 92}
_CLASS_ESCAPES = {'\\d': 'DIGIT', '\\D': 'NOT_DIGIT', '\\s': 'SPACE', '\\S': 'NOT_SPACE', '\\w': 'WORD', '\\W': 'NOT_WORD'}
_ANCHOR_ESCAPES = {'\\A': 'BEGINNING_STRING', '\\b': 'BOUNDARY', '\\B': 'NON_BOUNDARY', '\\Z': 'END_STRING'}
_UNIT = ('LIT', 'NLIT', 'ANY', 'IN')
_REPEATS = ('MAX', 'MIN', 'POSS')

class _Unsupported(Exception):
    pass

class _Source:
    def __init__(self, pattern):
        self.pattern = pattern
        self.is_text = isinstance(pattern, str)
        self.text = pattern if self.is_text else pattern.decode('latin-1')
        self.index = 0
        self.next = None
        self._advance()

    def _advance(self):
        i = self.index
        if i >= len(self.text):
            self.next = None
            return
        c = self.text[i]
        if c == '\\':
            i += 1
            if i >= len(self.text):
                raise error('bad escape (end of pattern)', self.pattern, len(self.text) - 1)
            c += self.text[i]
        self.index = i + 1
        self.next = c

    def match(self, c):
        if c == self.next:
            self._advance()
            return True
        return False

    def get(self):
        c = self.next
        self._advance()
        return c

    def take(self, n, allowed):
        out = ''
        while len(out) < n and self.next is not None and self.next in allowed and len(self.next) == 1:
            out += self.next
            self._advance()
        return out

    def until(self, end, what):
        out = ''
        while True:
            c = self.next
            self._advance()
            if c is None:
                if not out:
                    raise self.error('missing ' + what)
                raise self.error('missing %s, unterminated name' % end, len(out))
            if c == end:
                if not out:
                    raise self.error('missing ' + what, 1)
                return out
            out += c

    def tell(self):
        return self.index - len(self.next or '')

    def seek(self, index):
        self.index = index
        self._advance()

    def error(self, msg, back=0):
        if not self.is_text:
            msg = ''.join([c if ord(c) < 128 else '\\x%02x' % ord(c) for c in msg])
        return error(msg, self.pattern, self.tell() - back)

class _State:
    def __init__(self, flags):
        self.flags = flags
        self.widths = [None]
        self.names = {}
        self.ref_pos = {}
        self.behind = None

    def open_group(self, name):
        gid = len(self.widths)
        self.widths.append(None)
        if gid + 1 > _MAXGROUPS:
            raise error('too many groups')
        if name is not None:
            old = self.names.get(name)
            if old is not None:
                raise error('redefinition of group name %r as group %d; was group %d' % (name, gid, old))
            self.names[name] = gid
        return gid

    def closed(self, gid):
        return gid < len(self.widths) and self.widths[gid] is not None

    def check_behind(self, gid, src):
        if self.behind is not None:
            if not self.closed(gid):
                raise src.error('cannot refer to an open group')
            if gid >= self.behind:
                raise src.error('cannot refer to group defined in the same lookbehind subpattern')

def _width(seq, state):
    lo = hi = 0
    for node in seq:
        kind = node[0]
        if kind in _UNIT:
            i = j = 1
        elif kind == 'BRANCH':
            i, j = _MAXREPEAT - 1, 0
            for alt in node[1]:
                l, h = _width(alt, state)
                i, j = min(i, l), max(j, h)
        elif kind == 'SUB':
            i, j = _width(node[4], state)
        elif kind == 'ATOMIC':
            i, j = _width(node[1], state)
        elif kind in _REPEATS:
            i, j = _width(node[3], state)
            i, j = i * node[1], j * node[2]
        elif kind == 'REF':
            i, j = state.widths[node[1]]
        elif kind == 'REFX':
            i, j = _width(node[2], state)
            if node[3] is not None:
                l, h = _width(node[3], state)
                i, j = min(i, l), max(j, h)
            else:
                i = 0
        else:
            i = j = 0
        lo, hi = lo + i, hi + j
    return min(lo, _MAXREPEAT - 1), min(hi, _MAXREPEAT)

def _hex_escape(src, esc, digits):
    esc += src.take(digits, _HEXDIGITS)
    if len(esc) != digits + 2:
        raise src.error('incomplete escape %s' % esc, len(esc))
    code = int(esc[2:], 16)
    if code > 0x10FFFF:
        raise src.error('bad escape %s' % esc, len(esc))
    return code

def _common_escape(src, esc):
    # \x, \u, \U and \N: a code point, or None when esc is not one of them.
    c = esc[1]
    if c == 'x':
        return _hex_escape(src, esc, 2)
    if src.is_text and c == 'u':
        return _hex_escape(src, esc, 4)
    if src.is_text and c == 'U':
        return _hex_escape(src, esc, 8)
    if src.is_text and c == 'N':
        raise _Unsupported()
    return None

def _class_escape(src, esc):
    if esc in _SIMPLE_ESCAPES:
        return ('LIT', _SIMPLE_ESCAPES[esc])
    if esc in _CLASS_ESCAPES:
        return ('IN', False, [('CAT', _CLASS_ESCAPES[esc])])
    code = _common_escape(src, esc)
    if code is not None:
        return ('LIT', code)
    c = esc[1]
    if c in _OCTDIGITS:
        esc += src.take(2, _OCTDIGITS)
        code = int(esc[1:], 8)
        if code > 0o377:
            raise src.error('octal escape value %s outside of range 0-0o377' % esc, len(esc))
        return ('LIT', code)
    if c in _DIGITS or c in _ASCIILETTERS:
        raise src.error('bad escape %s' % esc, len(esc))
    return ('LIT', ord(c))

def _escape(src, esc, state):
    if esc in _ANCHOR_ESCAPES:
        return ('AT', _ANCHOR_ESCAPES[esc])
    if esc in _CLASS_ESCAPES:
        return ('IN', False, [('CAT', _CLASS_ESCAPES[esc])])
    if esc in _SIMPLE_ESCAPES:
        return ('LIT', _SIMPLE_ESCAPES[esc])
    code = _common_escape(src, esc)
    if code is not None:
        return ('LIT', code)
    c = esc[1]
    if c == '0':
        esc += src.take(2, _OCTDIGITS)
        return ('LIT', int(esc[1:], 8))
    if c in _DIGITS:
        if src.next is not None and src.next in _DIGITS and len(src.next) == 1:
            esc += src.get()
            if esc[1] in _OCTDIGITS and esc[2] in _OCTDIGITS and src.next is not None and src.next in _OCTDIGITS and len(src.next) == 1:
                esc += src.get()
                code = int(esc[1:], 8)
                if code > 0o377:
                    raise src.error('octal escape value %s outside of range 0-0o377' % esc, len(esc))
                return ('LIT', code)
        gid = int(esc[1:])
        if gid < len(state.widths):
            if not state.closed(gid):
                raise src.error('cannot refer to an open group', len(esc))
            state.check_behind(gid, src)
            return ('REF', gid)
        raise src.error('invalid group reference %d' % gid, len(esc) - 1)
    if c in _ASCIILETTERS:
        raise src.error('bad escape %s' % esc, len(esc))
    return ('LIT', ord(c))

def _char_set(src):
    start = src.tell() - 1
    items = []
    negate = src.match('^')
    while True:
        tok = src.get()
        if tok is None:
            raise src.error('unterminated character set', src.tell() - start)
        if tok == ']' and items:
            break
        first = _class_escape(src, tok) if tok[0] == '\\' else ('LIT', ord(tok))
        if src.match('-'):
            tok2 = src.get()
            if tok2 is None:
                raise src.error('unterminated character set', src.tell() - start)
            if tok2 == ']':
                items.extend(first[2] if first[0] == 'IN' else [first])
                items.append(('LIT', 45))
                break
            second = _class_escape(src, tok2) if tok2[0] == '\\' else ('LIT', ord(tok2))
            if first[0] != 'LIT' or second[0] != 'LIT' or second[1] < first[1]:
                raise src.error('bad character range %s-%s' % (tok, tok2), len(tok) + 1 + len(tok2))
            items.append(('RANGE', first[1], second[1]))
        else:
            items.extend(first[2] if first[0] == 'IN' else [first])
    if len(items) == 1 and items[0][0] == 'LIT':
        return ('NLIT' if negate else 'LIT', items[0][1])
    return ('IN', negate, items)

def _repeat_bounds(src, tok, seq):
    # The bounds of a repeat operator, or None when { starts no repeat.
    here = src.tell()
    if tok == '?':
        return 0, 1
    if tok == '*':
        return 0, _MAXREPEAT
    if tok == '+':
        return 1, _MAXREPEAT
    if src.next == '}':
        return None
    lo = hi = ''
    while src.next is not None and src.next in _DIGITS and len(src.next) == 1:
        lo += src.get()
    if src.match(','):
        while src.next is not None and src.next in _DIGITS and len(src.next) == 1:
            hi += src.get()
    else:
        hi = lo
    if not src.match('}'):
        src.seek(here)
        return None
    low, high = 0, _MAXREPEAT
    if lo:
        low = int(lo)
        if low >= _MAXREPEAT:
            raise OverflowError('the repetition number is too large')
    if hi:
        high = int(hi)
        if high >= _MAXREPEAT:
            raise OverflowError('the repetition number is too large')
        if high < low:
            raise src.error('min repeat greater than max repeat', src.tell() - here)
    return low, high

def _inline_flags(src, state, c):
    # (?flags) sets global flags (None is returned); (?on-off:...) returns
    # the flags turned on and off for the group.
    on = off = 0
    if c != '-':
        while True:
            flag = _FLAG_CHARS[c]
            if src.is_text and c == 'L':
                raise src.error("bad inline flags: cannot use 'L' flag with a str pattern")
            if not src.is_text and c == 'u':
                raise src.error("bad inline flags: cannot use 'u' flag with a bytes pattern")
            on |= flag
            if flag & _TYPE_FLAGS and on & _TYPE_FLAGS != flag:
                raise src.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
            c = src.get()
            if c is None:
                raise src.error('missing -, : or )')
            if c in (')', '-', ':'):
                break
            if c not in _FLAG_CHARS:
                raise src.error('unknown flag' if c.isalpha() else 'missing -, : or )', len(c))
    if c == ')':
        state.flags |= on
        return None
    if on & _GLOBAL_FLAGS:
        raise src.error('bad inline flags: cannot turn on global flag', 1)
    if c == '-':
        c = src.get()
        if c is None:
            raise src.error('missing flag')
        if c not in _FLAG_CHARS:
            raise src.error('unknown flag' if c.isalpha() else 'missing flag', len(c))
        while True:
            flag = _FLAG_CHARS[c]
            if flag & _TYPE_FLAGS:
                raise src.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
            off |= flag
            c = src.get()
            if c is None:
                raise src.error('missing :')
            if c == ':':
                break
            if c not in _FLAG_CHARS:
                raise src.error('unknown flag' if c.isalpha() else 'missing :', len(c))
    if off & _GLOBAL_FLAGS:
        raise src.error('bad inline flags: cannot turn off global flag', 1)
    if on & off:
        raise src.error('bad inline flags: flag turned on and off', 1)
    return on, off

def _alternatives(src, state, verbose, depth):
    alts = []
    while True:
        alts.append(_sequence(src, state, verbose, depth + 1, depth == 0 and not alts))
        if not src.match('|'):
            break
    if len(alts) == 1:
        return alts[0]
    return [('BRANCH', alts)]

def _group_name(src, end):
    name = src.until(end, 'group name')
    if not name.isidentifier():
        raise src.error('bad character in group name %r' % name, len(name) + 1)
    return name

def _close(src, start):
    if not src.match(')'):
        raise src.error('missing ), unterminated subpattern', src.tell() - start)

def _sequence(src, state, verbose, depth, first=False):
    seq = []
    while True:
        tok = src.next
        if tok is None or tok == '|' or tok == ')':
            break
        src.get()
        if verbose:
            if tok in _WHITESPACE and len(tok) == 1:
                continue
            if tok == '#':
                while True:
                    tok = src.get()
                    if tok is None or tok == '\n':
                        break
                continue
        if tok[0] == '\\':
            seq.append(_escape(src, tok, state))
        elif tok not in _SPECIAL:
            seq.append(('LIT', ord(tok)))
        elif tok == '[':
            seq.append(_char_set(src))
        elif tok in '*+?{':
            here = src.tell()
            bounds = _repeat_bounds(src, tok, seq)
            if bounds is None:
                seq.append(('LIT', ord(tok)))
                continue
            if not seq or seq[-1][0] == 'AT':
                raise src.error('nothing to repeat', src.tell() - here + len(tok))
            if seq[-1][0] in _REPEATS:
                raise src.error('multiple repeat', src.tell() - here + len(tok))
            item = seq[-1]
            body = [item]
            if item[0] == 'SUB' and item[1] is None and not item[2] and not item[3]:
                body = item[4]
            kind = 'MIN' if src.match('?') else 'POSS' if src.match('+') else 'MAX'
            seq[-1] = (kind, bounds[0], bounds[1], body)
        elif tok == '.':
            seq.append(('ANY',))
        elif tok == '^':
            seq.append(('AT', 'BEGINNING'))
        elif tok == '$':
            seq.append(('AT', 'END'))
        elif tok == '(':
            node = _group(src, state, verbose, depth, first, seq)
            if node == 'flags':
                verbose = state.flags & 64
            elif node is not None:
                seq.append(node)
    return seq

def _group(src, state, verbose, depth, first, seq):
    # The node of a group whose ( was just read; None for a comment and
    # 'flags' for global flags.
    start = src.tell() - 1
    capture = True
    atomic = False
    name = None
    on = off = 0
    if src.match('?'):
        c = src.get()
        if c is None:
            raise src.error('unexpected end of pattern')
        if c == 'P':
            if src.match('<'):
                name = _group_name(src, '>')
            elif src.match('='):
                name = _group_name(src, ')')
                gid = state.names.get(name)
                if gid is None:
                    raise src.error('unknown group name %r' % name, len(name) + 1)
                if not state.closed(gid):
                    raise src.error('cannot refer to an open group', len(name) + 1)
                state.check_behind(gid, src)
                return ('REF', gid)
            else:
                c = src.get()
                if c is None:
                    raise src.error('unexpected end of pattern')
                raise src.error('unknown extension ?P' + c, len(c) + 2)
        elif c == ':':
            capture = False
        elif c == '#':
            while True:
                if src.next is None:
                    raise src.error('missing ), unterminated comment', src.tell() - start)
                if src.get() == ')':
                    return None
        elif c in ('=', '!', '<'):
            direction = 1
            outer = None
            if c == '<':
                c = src.get()
                if c is None:
                    raise src.error('unexpected end of pattern')
                if c not in ('=', '!'):
                    raise src.error('unknown extension ?<' + c, len(c) + 2)
                direction = -1
                outer = state.behind
                if outer is None:
                    state.behind = len(state.widths)
            body = _alternatives(src, state, verbose, depth + 1)
            if direction < 0 and outer is None:
                state.behind = None
            _close(src, start)
            # A look-behind's width (fixed, as _check_lookbehind makes sure).
            width = _width(body, state) if direction < 0 else (0, 0)
            return ('ASSERT', direction, c == '!', body, width)
        elif c == '(':
            cond = src.until(')', 'group name')
            if cond.isidentifier():
                gid = state.names.get(cond)
                if gid is None:
                    raise src.error('unknown group name %r' % cond, len(cond) + 1)
            else:
                try:
                    gid = int(cond)
                except ValueError:
                    gid = -1
                if gid < 0:
                    raise src.error('bad character in group name %r' % cond, len(cond) + 1)
                if not gid:
                    raise src.error('bad group number', len(cond) + 1)
                if gid >= _MAXGROUPS:
                    raise src.error('invalid group reference %d' % gid, len(cond) + 1)
                if gid not in state.ref_pos:
                    state.ref_pos[gid] = src.tell() - len(cond) - 1
            state.check_behind(gid, src)
            yes = _sequence(src, state, verbose, depth + 1)
            no = None
            if src.match('|'):
                no = _sequence(src, state, verbose, depth + 1)
                if src.next == '|':
                    raise src.error('conditional backref with more than two branches')
            _close(src, start)
            return ('REFX', gid, yes, no)
        elif c == '>':
            capture = False
            atomic = True
        elif c in _FLAG_CHARS or c == '-':
            flags = _inline_flags(src, state, c)
            if flags is None:
                if not first or seq:
                    raise src.error('global flags not at the start of the expression', src.tell() - start)
                return 'flags'
            on, off = flags
            capture = False
        else:
            raise src.error('unknown extension ?' + c, len(c) + 1)
    gid = None
    if capture:
        try:
            gid = state.open_group(name)
        except error as e:
            raise src.error(e.msg, len(name) + 1) from None
    inner_verbose = (verbose or on & 64) and not off & 64
    body = _alternatives(src, state, inner_verbose, depth + 1)
    _close(src, start)
    if gid is not None:
        state.widths[gid] = _width(body, state)
    if atomic:
        return ('ATOMIC', body)
    return ('SUB', gid, on, off, body)

def _walk(tree, visit):
    # Calls visit on every node of the tree, in pattern order.
    for node in tree:
        visit(node)
        kind = node[0]
        if kind == 'BRANCH':
            for alt in node[1]:
                _walk(alt, visit)
        elif kind == 'SUB':
            _walk(node[4], visit)
        elif kind == 'ATOMIC':
            _walk(node[1], visit)
        elif kind in _REPEATS or kind == 'ASSERT':
            _walk(node[3], visit)
        elif kind == 'REFX':
            _walk(node[2], visit)
            if node[3] is not None:
                _walk(node[3], visit)

def _check_lookbehind(node):
    # The checks CPython makes when it compiles the tree.
    if node[0] == 'ASSERT' and node[1] < 0:
        lo, hi = node[4]
        if lo > 4294967295:
            raise error('looks too much behind')
        if lo != hi:
            raise error('look-behind requires fixed-width pattern')

def _fixed_flags(pattern, flags):
    if isinstance(pattern, str):
        if flags & 4:
            raise ValueError('cannot use LOCALE flag with a str pattern')
        if not flags & 256:
            flags |= 32
        elif flags & 32:
            raise ValueError('ASCII and UNICODE flags are incompatible')
    else:
        if flags & 32:
            raise ValueError('cannot use UNICODE flag with a bytes pattern')
        if flags & 4 and flags & 256:
            raise ValueError('ASCII and LOCALE flags are incompatible')
    return flags

def _parse(pattern, flags):
    src = _Source(pattern)
    state = _State(flags)
    tree = _alternatives(src, state, flags & 64, 0)
    state.flags = _fixed_flags(pattern, state.flags)
    if src.next is not None:
        raise src.error('unbalanced parenthesis')
    for gid in state.ref_pos:
        if gid >= len(state.widths):
            raise error('invalid group reference %d' % gid, pattern, state.ref_pos[gid])
    _walk(tree, _check_lookbehind)
    return tree, state

class _GroupIndex:
    # A read-only view of the group names (CPython's mappingproxy).
    def __init__(self, names):
        self._names = names
    def __getitem__(self, key):
        return self._names[key]
    def __iter__(self):
        return iter(self._names)
    def __len__(self):
        return len(self._names)
    def __contains__(self, key):
        return key in self._names
    def __eq__(self, other):
        return self._names == other
    def get(self, key, default=None):
        return self._names.get(key, default)
    def keys(self):
        return self._names.keys()
    def values(self):
        return self._names.values()
    def items(self):
        return self._names.items()
    def copy(self):
        return dict(self._names)
    def __repr__(self):
        return 'mappingproxy(%r)' % (self._names,)

_GroupIndex.__name__ = _GroupIndex.__qualname__ = 'mappingproxy'

_FLAG_NAMES = [('re.TEMPLATE', 1), ('re.IGNORECASE', 2), ('re.LOCALE', 4), ('re.MULTILINE', 8),
               ('re.DOTALL', 16), ('re.UNICODE', 32), ('re.VERBOSE', 64), ('re.DEBUG', 128), ('re.ASCII', 256)]

class Pattern:
    def __init__(self, pattern, flags, groups, names, tree):
        self.pattern = pattern
        self.flags = flags
        self.groups = groups
        self._names = names
        self._tree = tree

    @property
    def groupindex(self):
        if not self._names:
            return {}
        return _GroupIndex(dict(self._names))

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str) and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        names = []
        for name, bit in _FLAG_NAMES:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append('0x%x' % flags)
        text = repr(self.pattern)[:200]
        if names:
            return 're.compile(%s, %s)' % (text, '|'.join(names))
        return 're.compile(%s)' % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.flags == other.flags and type(self.pattern) is type(other.pattern)
                and self.pattern == other.pattern)

    def __hash__(self):
        return hash((type(self.pattern), self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def match(self, string, pos=0, endpos=None):
        return _guard(_first, self, string, pos, endpos, False, False)

    def fullmatch(self, string, pos=0, endpos=None):
        return _guard(_first, self, string, pos, endpos, False, True)

    def search(self, string, pos=0, endpos=None):
        return _guard(_first, self, string, pos, endpos, True, False)

    def finditer(self, string, pos=0, endpos=None):
        return _guard(_finditer, self, string, pos, endpos)

    def findall(self, string, pos=0, endpos=None):
        return _guard(_findall, self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        return _guard(_split, self, string, maxsplit)

    def sub(self, repl, string, count=0):
        return _guard(_sub, self, repl, string, count, False)

    def subn(self, repl, string, count=0):
        return _guard(_sub, self, repl, string, count, True)

    scanner = _unknown

_cache = {}
_MAXCACHE = 512

def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    try:
        return _cache[type(pattern), pattern, flags]
    except KeyError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    if flags & DEBUG:
        # CPython prints the parsed tree.
        return _unknown
    try:
        tree, state = _parse(pattern, flags)
    except _Unsupported:
        return _unknown
    p = Pattern(pattern, flags | state.flags, len(state.widths) - 1, state.names, tree)
    if len(_cache) >= _MAXCACHE:
        del _cache[next(iter(_cache))]
    _cache[type(pattern), pattern, flags] = p
    return p

def compile(pattern, flags=0):
    return _compile(pattern, flags)

def purge():
    _cache.clear()

def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)

def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)

def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)

def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)

def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)

def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)

def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)

def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)

template = _unknown
` + reMatchSrc
