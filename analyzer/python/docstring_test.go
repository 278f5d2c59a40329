package python

import "testing"

// docs/formats.md "The manifest": only a plain string literal (or a concatenation of plain
// ones) is a docstring; an f-string is not, with or without fields (CPython
// 3.11 leaves __doc__ None).
func TestDocstringForms(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"'plain'", "plain"},
		{"'plain' 'doc'", "plaindoc"},
		{"f'no fields'", ""},
		{"F'''no fields'''", ""},
		{"rf'raw f'", ""},
		{"'x' f'y'", ""},
		{"f'{1}'", ""},
	} {
		res, _ := mustAnalyse(t, map[string]string{
			"m.py": prelude + "@service\nclass S:\n    @rpc\n    async def a(self, n: int) -> int:\n        " + tc.body + "\n",
		}, "m:S")
		if got := res.Methods[0].Description; got != tc.want {
			t.Errorf("%s: description %q, want %q", tc.body, got, tc.want)
		}
	}
}
