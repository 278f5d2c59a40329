# Generated inputs for re (compile over random patterns; search, match,
# fullmatch, findall, split and sub over random subjects; escape) and
# textwrap (random texts and options), run by CPython 3.11 and by pyrt;
# the test compares repr(out).
from gen_helpers import Rand, attempt

rnd = Rand(54321)

out = []
pieces = ["", "a", "é", "\n", "\"", "\\", "\x00", "\x1f", "\x7f", "\u2028", "😀", "/", " ", "\t", "ÿ", "{", "1"]

import re

re_pieces = ["a", "b", "é", "(", ")", "(?:", "(?P<n>", "(?P<m>", "(?P=n)", "(?P<1>", "(?=", "(?!", "(?<=", "(?<!", "(?>", "(?i)",
             "(?x)", "(?a)", "(?L)", "(?u)", "(?i:", "(?-i:", "(?s-m:", "(?#c)", "[", "]", "[^", "^", "-", "\\d", "\\w", "\\1",
             "\\2", "\\", "*", "+", "?", "{", "}", "{1,2}", "{2}", "{,3}", "{3,1}", ",", "|", ".", "$", "\\b", "\\A", "\\x4",
             "\\x41", "\\u00e9", "\\q", "\\.", " ", "#", "\n", "(?(1)", "(?(n)", "(?(0)", "0", "7", "\\0", "\\12", "\\400",
             "*?", "++", "??", "(?P", "(?<", "(?", "(?z)", "a{1,}"]
for _ in range(1500):
    text = "".join(re_pieces[rnd(len(re_pieces))] for _ in range(1 + rnd(8)))
    flags = [0, 0, re.I, re.X, re.M | re.S, re.A, re.L, re.U, re.I | re.X][rnd(9)]
    if rnd(4) == 0:
        text = text.encode("latin-1")
    out.append(attempt(lambda: (lambda p: (p.pattern, p.flags, p.groups, dict(p.groupindex), repr(p)))(re.compile(text, flags))))

names_used = ["n", "m", "x1"]
def re_gen(depth):
    k = rnd(16 if depth < 3 else 6)
    if k < 3:
        return "abé.^$"[rnd(6)] + ("" if rnd(2) else "xy"[rnd(2)])
    if k == 3:
        return ["\\d", "\\s", "\\W", "\\b", "\\Z", "\\x41", "\\u00e9", "\\01", "\\t", "\\-"][rnd(10)]
    if k == 4:
        return "[" + "^" * rnd(2) + "".join(["a", "z-a", "a-z", "\\d", "]", "-", "\\n", "0-9", "\\b"][rnd(9)] for _ in range(1 + rnd(3))) + "]"
    if k == 5:
        return "\\" + str(1 + rnd(3))
    body = "".join(re_gen(depth + 1) for _ in range(1 + rnd(3)))
    if k == 6:
        return "(" + body + ")"
    if k == 7:
        return "(?P<" + names_used[rnd(3)] + ">" + body + ")"
    if k == 8:
        return "(?P=" + names_used[rnd(3)] + ")"
    if k == 9:
        return ["(?=", "(?!", "(?<=", "(?<!", "(?>", "(?:", "(?i:", "(?-x:"][rnd(8)] + body + ")"
    if k == 10:
        return body + ["*", "+", "?", "{2}", "{1,3}", "*?", "+?", "{2,}?", "*+", "{,2}"][rnd(10)]
    if k == 11:
        return body + "|" + re_gen(depth + 1)
    if k == 12:
        return "(?(" + ["1", "2", "n", "m"][rnd(4)] + ")" + body + ("|" + re_gen(depth + 1) if rnd(2) else "") + ")"
    if k == 13:
        return ["(?i)", "(?x)", "(?s)", "(?a)"][rnd(4)] + body
    return body
for _ in range(1500):
    text = re_gen(0)
    if rnd(4) == 0:
        i = rnd(len(text) + 1)
        text = text[:i] + re_pieces[rnd(len(re_pieces))] + text[i + rnd(2):]
    flags = [0, 0, re.I, re.X, re.M | re.S, re.A][rnd(6)]
    out.append(attempt(lambda: (lambda p: (p.pattern, p.flags, p.groups, dict(p.groupindex), repr(p)))(re.compile(text, flags))))
    try:
        p = re.compile(text, flags)
    except Exception:
        continue
    folded = flags & re.I or "(?i" in text
    if folded and ("é" in text or "\\u00e9" in text):
        continue  # (case folding beyond ASCII is not modelled)
    letters = "abxy-_ \n1" if folded else "abxy-_ \n1é٣"
    for _ in range(3):
        subject = "".join(letters[rnd(len(letters))] for _ in range(rnd(9)))
        found = [p.search(subject), p.match(subject), p.fullmatch(subject), p.search(subject, 1, 4)]
        out.append([m and (m.span(), m.groups(), m.lastindex, m.groupdict()) for m in found])
        out.append((p.findall(subject), p.split(subject), p.subn("<\\g<0>>", subject), p.split(subject, 1)))

closed = [0]
def re_valid(depth):
    k = rnd(17 if depth < 4 else 5)
    if k == 0:
        return "ab.c"[rnd(4)]
    if k == 1:
        return ["[ab]", "[^a]", "\\w", "\\W", "\\s", "^", "$", "\\b", "\\B", "\\A", "\\Z"][rnd(11)]
    if k == 2:
        return "a" if not closed[0] else "\\%d" % (1 + rnd(closed[0]))
    if k == 3:
        return ["(?<=a)", "(?<!b)", "(?<=ab)", "(?<!\\w)", "(?<=[ab])"][rnd(5)]
    if k == 4:
        return "ab"[rnd(2)] * (1 + rnd(2))
    if k in (5, 6):
        body = re_valid(depth + 1)
        closed[0] += 1
        return "(" + body + ")"
    if k == 7:
        body = re_valid(depth + 1)
        closed[0] += 1
        return "(?P<g%d>" % closed[0] + body + ")"
    if k in (8, 9, 10):
        # (possessive repeats of a body that can match nothing make
        # CPython 3.11 loop)
        return re_valid(depth + 1) + ["*", "+", "?", "{1,2}", "*?", "+?", "??", "{0,2}?", "{2}"][rnd(9)]
    if k == 11:
        return re_valid(depth + 1) + "|" + re_valid(depth + 1)
    if k == 12:
        return ["(?=", "(?!", "(?>", "(?:", "(?i:", "(?s:", "(?m:"][rnd(7)] + re_valid(depth + 1) + ")"
    if k == 13 and closed[0]:
        return "(?(%d)" % (1 + rnd(closed[0])) + re_valid(depth + 1) + "|" + re_valid(depth + 1) + ")"
    return re_valid(depth + 1) + re_valid(depth + 1)
for _ in range(700):
    closed[0] = 0
    text = "(?:" + re_valid(0) + ")" if rnd(2) else re_valid(0)
    flags = [0, 0, re.I, re.M, re.S][rnd(5)]
    p = attempt(re.compile, text, flags)
    out.append(p)
    if not isinstance(p, tuple):
        continue
    p = re.compile(text, flags)
    for _ in range(4):
        subject = "".join("aabbAc\n"[rnd(7)] for _ in range(rnd(8)))
        found = [p.search(subject), p.match(subject), p.fullmatch(subject), p.search(subject, 1, 5)]
        out.append([m and (m.span(), m.groups(), m.lastindex, m.lastgroup, m.groupdict()) for m in found])
        out.append((p.findall(subject), p.split(subject), p.subn("<\\g<0>>", subject), p.split(subject, 1), p.sub(r"\1" if p.groups else "-", subject, 2)))
for _ in range(300):
    text = "".join(pieces[rnd(len(pieces))] + re_pieces[rnd(len(re_pieces))] for _ in range(rnd(5)))
    out.append((re.escape(text), re.escape(text.encode("utf-8"))))

import textwrap

tw_pieces = ["a", "ab", "abc", "word", "x1", "42", "é", "ǅ", "٣", "_", "-", "--", "---", "-a", "a-", "ab-cd", "a-b-c-d", "re-e-d",
             "x--y", "!", ".", "?", ",", "\"", "'", "&", "(", " ", "  ", "\t", "\n", "\r", "\x0b", "\u3000", "\xa0", "b.", "c!\"",
             "Mr.", "long" * 6, "hyphen-ated-long-" * 3]
for _ in range(1200):
    text = "".join(tw_pieces[rnd(len(tw_pieces))] for _ in range(rnd(14)))
    opts = {}
    for name in ("break_on_hyphens", "break_long_words", "drop_whitespace", "fix_sentence_endings", "replace_whitespace", "expand_tabs"):
        if rnd(3) == 0:
            opts[name] = rnd(2) == 0
    if rnd(3) == 0:
        opts["initial_indent"] = ["", "* ", "    "][rnd(3)]
        opts["subsequent_indent"] = ["", "  ", "> > "][rnd(3)]
    if rnd(3) == 0:
        opts["max_lines"] = 1 + rnd(3)
        opts["placeholder"] = [" [...]", "...", "", " ~"][rnd(4)]
    if rnd(5) == 0:
        opts["tabsize"] = rnd(5)
    # (CPython's wrap loops forever when an indent leaves no room.)
    width = 1 + rnd(25) + max(len(opts.get("initial_indent", "")), len(opts.get("subsequent_indent", "")))
    out.append(attempt(textwrap.wrap, text, width, **opts))
    out.append(attempt(textwrap.shorten, text, 3 + rnd(30)))
    lines = text.split("\n")
    block = "\n".join(["  \t "[: rnd(5)] + line for line in lines])
    out.append((textwrap.dedent(block), textwrap.indent(block, "> "), textwrap.indent(text, "+", lambda line: len(line) % 2)))
print(repr(out))
