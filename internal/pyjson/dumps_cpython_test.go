package pyjson

import "testing"

// TestMarshalMatchesCPython compares Marshal with the local CPython's
// json.dumps on generated documents in five layouts (skipped without
// python3 3.11); one document in fifty is nested deeper than the
// indentation a Writer starts with, and one layout indents a single level
// by more than that. Each document reaches Marshal through
// Unmarshal of CPython's compact form. A lone surrogate, which Marshal
// escapes in every layout, is left out of the layout without ASCII
// escaping, where CPython writes a string no UTF-8 file can hold.
func TestMarshalMatchesCPython(t *testing.T) {
	var cases [][]*string
	fromCPython(t, `rnd = random.Random(7)
ALPHABET = ['a', 'Z', ' ', '"', '\\', '/', '\n', '\t', '\x00', '\x1f', '\x7f', 'é', '\u2028', '\U0001F600', '\ud800']
def text():
    return ''.join(rnd.choice(ALPHABET) for _ in range(rnd.randrange(6)))
def value(depth):
    k = rnd.randrange(9 if depth < 4 else 6)
    if k == 0: return None
    if k == 1: return rnd.random() < 0.5
    if k == 2: return rnd.randrange(-10**20, 10**20)
    if k == 3: return rnd.choice([0.0, -0.0, 1e16, 1e-5, 0.1, 2.5e-300, float('inf'), float('-inf'), rnd.uniform(-1e6, 1e6)])
    if k in (4, 5): return text()
    if k == 6: return [value(depth + 1) for _ in range(rnd.randrange(4))]
    return {text(): value(depth + 1) for _ in range(rnd.randrange(4))}
def deep():
    v = value(3)
    for _ in range(rnd.randrange(60, 140)):
        v = [v, None] if rnd.random() < 0.5 else {text(): v, 'k': True}
    return v
layouts = [dict(indent=2), dict(), dict(indent='\t', separators=(';', '= '), ensure_ascii=False), dict(indent=0, sort_keys=True), dict(indent=130, separators=(' ,', ' : '))]
cases = []
for i in range(3000):
    v = value(0) if i % 50 else deep()
    out = [json.dumps(v)] + [json.dumps(v, **l) for l in layouts]
    try:
        out[3].encode('utf-8')
    except UnicodeEncodeError:
        out[3] = None  # a lone surrogate: no UTF-8 file can hold it
    cases.append(out)
print(json.dumps(cases))
`, &cases)
	layouts := []Options{
		{Indent: 2, ASCII: true},
		{Indent: -1, ASCII: true},
		{IndentText: "\t", ItemSep: ";", KeySep: "= "},
		{Indent: 0, ASCII: true, SortKeys: true},
		{Indent: 130, ItemSep: " ,", KeySep: " : ", ASCII: true},
	}
	bad := 0
	for _, c := range cases {
		v, err := Unmarshal([]byte(*c[0]))
		if err != nil {
			t.Fatalf("Unmarshal(%q): %v", *c[0], err)
		}
		for i, o := range layouts {
			if c[i+1] == nil {
				continue
			}
			got, err := Marshal(v, o)
			if err != nil || string(got) != *c[i+1] {
				if bad++; bad <= 10 {
					t.Errorf("%q in layout %d: got %q, %v; want %q", *c[0], i, got, err, *c[i+1])
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d documents differ", bad, len(cases)*len(layouts))
	}
}
