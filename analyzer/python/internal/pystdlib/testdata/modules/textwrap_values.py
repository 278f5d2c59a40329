import textwrap
from textwrap import TextWrapper, dedent, fill, indent, shorten, wrap

doc = """
    Hello there.
      Indented more.
\t
    Back.
    """
dedented = [dedent(doc), dedent("  a\n\tb\n"), dedent("\t  x\n\t y\n"), dedent("no indent\n  b"), dedent(""), dedent("   \n  a\n   \n"),
            dedent("  a\r\n  b\r\n"), dedent(" \x0c a\n  b")]
indented = [indent("a\nb\n\nc", "> "), indent("a\r\nb\x0bc\n  \n", "+"), indent("x\ny", "# ", lambda line: "x" in line), indent("", "x")]
text = ("The quick brown fox jumps over the lazy dog. Well-known, state-of-the-art e-mail-based look-up tables -- and "
        "em--dashes---here! Supercalifragilisticexpialidocious-is-a-very-long-hyphenated-word. Tabs\there,\nnewlines too.  "
        "Mr. Smith said \"hi.\" Then he left.")
wrapped = [wrap(text, w) for w in (1, 5, 10, 13, 20, 40, 70)]
filled = [fill(text, 30, initial_indent="* ", subsequent_indent="  "), fill(text, 25, break_on_hyphens=False),
          fill(text, 12, break_long_words=False), fill(text, 30, fix_sentence_endings=True), fill(text, 30, drop_whitespace=False),
          fill(text, 30, replace_whitespace=False), fill(text, 30, expand_tabs=False), fill("a\tb\tc", 40, tabsize=4),
          fill(text, 30, max_lines=3), fill(text, 30, max_lines=2, placeholder="..."), fill("short", 30, max_lines=1)]
shortened = [shorten(text, w) for w in (6, 10, 20, 50, 500)] + [shorten("Hello  world!", 12), shorten("  a  b  ", 5), shorten(text, 30, placeholder=" (more)")]
wrapper = TextWrapper(width=15, initial_indent="- ")
wrapper_lines = wrapper.wrap("one two three four five six seven")
wrapper_attrs = (wrapper.width, wrapper.initial_indent, wrapper.subsequent_indent, wrapper.expand_tabs, wrapper.max_lines, wrapper.placeholder,
                 TextWrapper.unicode_whitespace_trans)


def attempt(f, *args, **kwargs):
    try:
        return f(*args, **kwargs)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


errors = [attempt(wrap, "abc", 0), attempt(wrap, "abc", -1), attempt(shorten, "a b c", 3), attempt(fill, "x", 5, max_lines=1, initial_indent="abc")]


class Upper(TextWrapper):
    def _split(self, text):
        return [c.upper() for c in super()._split(text)]


custom = Upper(width=10).fill("split me into pieces please")
del textwrap, TextWrapper, dedent, fill, indent, shorten, wrap, wrapper, attempt, Upper
