package pysyntax

import (
	"strings"
	"testing"
)

// FuzzParse parses arbitrary bytes: a tree or an error, never a panic,
// a hang or a stack overflow; every node lies inside the source.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"def f(a, /, b=1, *c, d, **e) -> int:\n    global g\n    yield from x\n",
		"x: list[int] | None = f'{a!r:>{w}} {b=}' rb'\\x00' '''t\n'''\n",
		"match p:\n    case [1, *r] | {'k': v, **kw} if v:\n        pass\n    case C(x=0) as q:\n        pass\n",
		"try:\n\tpass\nexcept* (A, B) as e:\n  pass\nfinally:\n  pass\n",
		"async def f():\n    async with a as (b, c): [x async for x in y]\n    await z\n",
		"@d\nclass C(B, metaclass=M):\n    x = lambda a, *, b: (yield)\n",
		"x = (" + strings.Repeat("(", 210) + "\n",
		"x = " + strings.Repeat("-", 4000) + "1\n",
		"if x:\n  if y:\n pass\n",
		"s = 'abc\n",
		"0x_ 1__0 0777 1e 1j2\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m, err := Parse(src)
		if err != nil {
			e, ok := err.(*Error)
			positioned := ok && e.Kind <= TabErr
			if !ok || e.Msg == "" || positioned && (e.Line < 1 || e.Col < 1) {
				t.Fatalf("bad error %#v", err)
			}
			return
		}
		Inspect(m, func(n Node) bool {
			s, e := n.Span()
			if s < 0 || e < s || int(e) > len(src) {
				t.Fatalf("%T spans %d-%d of %d bytes", n, s, e, len(src))
			}
			return true
		})
	})
}

func TestKeywords(t *testing.T) {
	for k := keywordBeg + 1; k < keywordEnd; k++ {
		if got := lookupName(k.String()); got != k {
			t.Errorf("lookupName(%q) = %v", k.String(), got)
		}
	}
	for _, s := range []string{"match", "case", "_", "print", "type", "Trues", "n", "iF", "elsf", "Nonf", "yieldd", "asyncio"} {
		if lookupName(s) != NAME {
			t.Errorf("%q is not a name", s)
		}
	}
}
