package pystdlib

// reMatchSrc is re's matcher: a backtracking walk of the parsed tree with
// CPython's rules (leftmost match, alternatives in order, greedy and lazy
// repeats where an optional iteration that matched nothing ends the
// repeat, captures kept from the path that succeeded, an empty match not
// repeated at the same place by findall, split and sub). Case-insensitive
// matching is modelled where it only involves ASCII; the LOCALE flag and
// a match deeper than the recursion limit give unknown values.
const reMatchSrc = `
def _guard(fn, *args):
    try:
        return fn(*args)
    except (_Unsupported, RecursionError):
        return _unknown

def _stop(s, caps):
    return (s, caps)

def _tree_facts(tree):
    # (whether a group turns on IGNORECASE or LOCALE, whether a code point
    # beyond ASCII appears)
    facts = [False, False]
    def visit(node):
        kind = node[0]
        if kind == 'SUB' and node[2] & (2 | 4):
            facts[0] = True
        elif kind in ('LIT', 'NLIT') and node[1] > 127:
            facts[1] = True
        elif kind == 'IN':
            for item in node[2]:
                if item[0] == 'LIT' and item[1] > 127 or item[0] == 'RANGE' and item[2] > 127:
                    facts[1] = True
    _walk(tree, visit)
    return facts

def _lower(c):
    return c + 32 if 65 <= c <= 90 else c

def _upper(c):
    return c - 32 if 97 <= c <= 122 else c

class _Run:
    def __init__(self, pattern, string, pos, endpos):
        is_text = isinstance(pattern.pattern, str)
        if isinstance(string, str):
            if not is_text:
                raise TypeError('cannot use a bytes pattern on a string-like object')
            text = string
        elif isinstance(string, bytes):
            if is_text:
                raise TypeError('cannot use a string pattern on a bytes-like object')
            text = string.decode('latin-1')
        else:
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        self.pattern = pattern
        self.string = string
        self.is_text = is_text
        self.codes = [ord(c) for c in text]
        n = len(text)
        self.start = min(max(pos, 0), n)
        self.end = n if endpos is None else min(max(endpos, 0), n)
        self.tree = pattern._tree
        self.flags = pattern.flags
        scoped, wide = _tree_facts(self.tree)
        if self.flags & 4 or scoped and not is_text:
            raise _Unsupported()
        if is_text and (self.flags & 2 or scoped) and (wide or any([c > 127 for c in self.codes])):
            raise _Unsupported()
        self.caps0 = (None,) + (None,) * pattern.groups

    def word(self, c, fl):
        if self.is_text and not fl & 256:
            return c == 95 or chr(c).isalnum()
        return c == 95 or 48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122

    def category(self, name, c, fl):
        uni = self.is_text and not fl & 256
        if name in ('DIGIT', 'NOT_DIGIT'):
            yes = chr(c).isdecimal() if uni else 48 <= c <= 57
        elif name in ('SPACE', 'NOT_SPACE'):
            yes = chr(c).isspace() if uni else c in (9, 10, 11, 12, 13, 32)
        else:
            yes = self.word(c, fl)
        return yes != name.startswith('NOT_')

    def in_set(self, items, c, fl):
        for item in items:
            kind = item[0]
            if kind == 'LIT':
                if item[1] == c:
                    return True
            elif kind == 'RANGE':
                if item[1] <= c <= item[2]:
                    return True
            elif self.category(item[1], c, fl):
                return True
        return False

    def unit(self, node, c, fl):
        kind = node[0]
        if kind == 'ANY':
            return fl & 16 or c != 10
        if kind in ('LIT', 'NLIT'):
            same = node[1] == c or fl & 2 and _lower(node[1]) == _lower(c)
            return same == (kind == 'LIT')
        found = self.in_set(node[2], c, fl)
        if not found and fl & 2:
            low = _lower(c)
            found = self.in_set(node[2], low, fl) or self.in_set(node[2], _upper(low), fl)
        return found != node[1]

    def at(self, kind, s, fl):
        codes = self.codes
        end = self.end
        if kind == 'BEGINNING':
            return s == 0 or fl & 8 and codes[s - 1] == 10
        if kind == 'END':
            if fl & 8:
                return s == end or codes[s] == 10
            return s == end or s == end - 1 and codes[s] == 10
        if kind == 'BEGINNING_STRING':
            return s == 0
        if kind == 'END_STRING':
            return s == end
        if end == 0:
            return False
        before = s > 0 and self.word(codes[s - 1], fl)
        after = s < end and self.word(codes[s], fl)
        return (before != after) == (kind == 'BOUNDARY')

    def m(self, seq, i, s, caps, fl, k):
        codes = self.codes
        end = self.end
        while i < len(seq):
            node = seq[i]
            kind = node[0]
            if kind in _UNIT:
                if s >= end or not self.unit(node, codes[s], fl):
                    return None
                s += 1
            elif kind == 'AT':
                if not self.at(node[1], s, fl):
                    return None
            elif kind == 'REF':
                span = caps[node[1]]
                if span is None:
                    return None
                size = span[1] - span[0]
                if s + size > end:
                    return None
                for j in range(size):
                    a, b = codes[span[0] + j], codes[s + j]
                    if a != b and not (fl & 2 and _lower(a) == _lower(b)):
                        return None
                s += size
            else:
                return self.compound(node, seq, i, s, caps, fl, k)
            i += 1
        return k(s, caps)

    def compound(self, node, seq, i, s, caps, fl, k):
        kind = node[0]
        rest = lambda s2, c2: self.m(seq, i + 1, s2, c2, fl, k)
        if kind == 'BRANCH':
            for alt in node[1]:
                r = self.m(alt, 0, s, caps, fl, rest)
                if r is not None:
                    return r
            return None
        if kind == 'SUB':
            gid = node[1]
            inner = (fl | node[2]) & ~node[3]
            if gid is None:
                return self.m(node[4], 0, s, caps, inner, rest)
            return self.m(node[4], 0, s, caps, inner,
                          lambda s2, c2: rest(s2, (gid,) + c2[1:gid] + ((s, s2),) + c2[gid + 1:]))
        if kind == 'ATOMIC':
            r = self.m(node[1], 0, s, caps, fl, _stop)
            return None if r is None else rest(r[0], r[1])
        if kind == 'ASSERT':
            at = s - node[4][0] if node[1] < 0 else s
            r = None if at < 0 else self.m(node[3], 0, at, caps, fl, _stop)
            if node[2]:
                return rest(s, caps) if r is None else None
            return None if r is None else rest(s, r[1])
        if kind == 'REFX':
            branch = node[2] if caps[node[1]] is not None else node[3] or []
            return self.m(branch, 0, s, caps, fl, rest)
        return self.repeat(node, s, caps, fl, rest)

    def repeat(self, node, s, caps, fl, rest):
        kind, lo, hi, body = node
        if kind == 'POSS':
            r = self.repeat(('MAX', lo, hi, body), s, caps, fl, _stop)
            return None if r is None else rest(r[0], r[1])
        if len(body) == 1 and body[0][0] in _UNIT:
            # One character per iteration: count, then try the rest.
            codes = self.codes
            n = 0
            limit = min(hi, self.end - s)
            while n < limit and self.unit(body[0], codes[s + n], fl):
                n += 1
            if n < lo:
                return None
            counts = range(n, lo - 1, -1) if kind == 'MAX' else range(lo, n + 1)
            for j in counts:
                r = rest(s + j, caps)
                if r is not None:
                    return r
            return None
        def step(count, s, caps, last):
            if count < lo:
                return self.m(body, 0, s, caps, fl, lambda s2, c2: step(count + 1, s2, c2, last))
            if kind == 'MAX':
                if count < hi and s != last:
                    r = self.m(body, 0, s, caps, fl, lambda s2, c2: step(count + 1, s2, c2, s))
                    if r is not None:
                        return r
                return rest(s, caps)
            r = rest(s, caps)
            if r is not None or count >= hi or s == last:
                return r
            return self.m(body, 0, s, caps, fl, lambda s2, c2: step(count + 1, s2, c2, s))
        return step(0, s, caps, None)

    def at_pos(self, s, full, must_advance):
        def done(s2, caps):
            if full and s2 != self.end or must_advance and s2 == s:
                return None
            return (s2, caps)
        return self.m(self.tree, 0, s, self.caps0, self.flags, done)

    def search(self, pos, must_advance):
        # The first match starting at pos or later: (start, end, caps).
        for s in range(pos, self.end + 1):
            r = self.at_pos(s, False, must_advance and s == pos)
            if r is not None:
                return (s, r[0], r[1])
        return None

    def first(self, search, full):
        if self.start > self.end:
            return None
        if search:
            r = self.search(self.start, False)
            return None if r is None else Match(self, r[0], r[1], r[2])
        r = self.at_pos(self.start, full, False)
        return None if r is None else Match(self, self.start, r[0], r[1])

    def all(self, limit=0):
        out = []
        pos = self.start
        must = False
        while pos <= self.end and (not limit or len(out) < limit):
            r = self.search(pos, must)
            if r is None:
                break
            out.append(Match(self, r[0], r[1], r[2]))
            must = r[0] == r[1]
            pos = r[1]
        return out

def _first(pattern, string, pos, endpos, search, full):
    return _Run(pattern, string, pos, endpos).first(search, full)

def _finditer(pattern, string, pos, endpos):
    return iter(_Run(pattern, string, pos, endpos).all())

def _findall(pattern, string, pos, endpos):
    out = []
    empty = string[:0]
    for m in _Run(pattern, string, pos, endpos).all():
        if pattern.groups == 0:
            out.append(m.group())
        elif pattern.groups == 1:
            out.append(m.group(1) if m.group(1) is not None else empty)
        else:
            out.append(m.groups(empty))
    return out

def _split(pattern, string, maxsplit):
    run = _Run(pattern, string, 0, None)
    out = []
    last = 0
    for m in run.all(maxsplit if maxsplit > 0 else 0) if maxsplit >= 0 else []:
        out.append(string[last:m.start()])
        out.extend(m.groups())
        last = m.end()
    out.append(string[last:])
    return out

def _template(pattern, repl):
    # repl as a list of literal pieces and group numbers.
    src = _Source(repl)
    pieces = []
    text = ''
    def group(index, back):
        if index > pattern.groups:
            raise src.error('invalid group reference %d' % index, back)
        if text:
            pieces.append(text)
        pieces.append(index)
    while True:
        tok = src.get()
        if tok is None:
            break
        if tok[0] != '\\':
            text += tok
            continue
        c = tok[1]
        if c == 'g':
            if not src.match('<'):
                raise src.error('missing <')
            name = src.until('>', 'group name')
            if name.isidentifier():
                if name not in pattern._names:
                    raise IndexError('unknown group name %r' % name)
                index = pattern._names[name]
            else:
                try:
                    index = int(name)
                except ValueError:
                    index = -1
                if index < 0:
                    raise src.error('bad character in group name %r' % name, len(name) + 1)
                if index >= _MAXGROUPS:
                    raise src.error('invalid group reference %d' % index, len(name) + 1)
            group(index, len(name) + 1)
            text = ''
        elif c == '0':
            tok += src.take(2, _OCTDIGITS)
            text += chr(int(tok[1:], 8) & 0xff)
        elif c in _DIGITS:
            if src.next is not None and src.next in _DIGITS and len(src.next) == 1:
                tok += src.get()
                if c in _OCTDIGITS and tok[2] in _OCTDIGITS and src.next is not None and src.next in _OCTDIGITS and len(src.next) == 1:
                    tok += src.get()
                    code = int(tok[1:], 8)
                    if code > 0o377:
                        raise src.error('octal escape value %s outside of range 0-0o377' % tok, len(tok))
                    text += chr(code)
                    continue
            group(int(tok[1:]), len(tok) - 1)
            text = ''
        elif tok in _SIMPLE_ESCAPES:
            text += chr(_SIMPLE_ESCAPES[tok])
        elif c in _ASCIILETTERS:
            raise src.error('bad escape %s' % tok, len(tok))
        else:
            text += tok
    if text:
        pieces.append(text)
    if isinstance(repl, bytes):
        pieces = [p if isinstance(p, int) else p.encode('latin-1') for p in pieces]
    return pieces

def _sub(pattern, repl, string, count, with_count):
    empty = string[:0]
    if callable(repl):
        expand = repl
    else:
        if not isinstance(repl, (str, bytes)):
            raise TypeError('decoding to str: need a bytes-like object, %s found' % type(repl).__name__)
        pieces = _template(pattern, repl)
        if not any([isinstance(p, int) for p in pieces]):
            literal = repl[:0].join(pieces)
            expand = lambda m: literal
        else:
            expand = lambda m: _join(empty, [m.group(p) or empty if isinstance(p, int) else p for p in pieces])
    run = _Run(pattern, string, 0, None)
    # The pieces of the result, as CPython gathers them before joining
    # them (a TypeError names the first piece of the wrong type).
    out = []
    last = 0
    matches = run.all(count if count > 0 else 0) if count >= 0 else []
    for m in matches:
        if last < m.start():
            out.append(string[last:m.start()])
        piece = expand(m)
        if piece is not None:
            out.append(piece)
        last = m.end()
    if last < len(string):
        out.append(string[last:])
    result = _join(empty, out)
    return (result, len(matches)) if with_count else result

def _join(empty, items):
    # empty.join(items), with CPython's message for an item of the wrong type.
    for i, item in enumerate(items):
        if not isinstance(item, type(empty)):
            if isinstance(empty, str):
                raise TypeError('sequence item %d: expected str instance, %s found' % (i, type(item).__name__))
            raise TypeError('sequence item %d: expected a bytes-like object, %s found' % (i, type(item).__name__))
    return empty.join(items)

class Match:
    def __init__(self, run, start, end, caps):
        self.re = run.pattern
        self.string = run.string
        self.pos = run.start
        self.endpos = run.end
        self._spans = ((start, end),) + caps[1:]
        self.lastindex = caps[0]
        self.lastgroup = None
        for name, index in run.pattern._names.items():
            if index == caps[0]:
                self.lastgroup = name

    def _index(self, g):
        if isinstance(g, int) and 0 <= g < len(self._spans):
            return g
        if isinstance(g, str) and g in self.re._names:
            return self.re._names[g]
        raise IndexError('no such group')

    def _get(self, index, default=None):
        span = self._spans[index]
        if span is None:
            return default
        return self.string[span[0]:span[1]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple([self._get(self._index(g)) for g in groups])

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple([self._get(i, default) for i in range(1, len(self._spans))])

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re._names.items()}

    def span(self, group=0):
        return self._spans[self._index(group)] or (-1, -1)

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    @property
    def regs(self):
        return tuple([span or (-1, -1) for span in self._spans])

    def expand(self, template):
        empty = self.string[:0]
        return _join(empty, [self.group(p) or empty if isinstance(p, int) else p for p in _template(self.re, template)])

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%s>' % (self._spans[0][0], self._spans[0][1], repr(self.group())[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self
`
