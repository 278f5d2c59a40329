package pysyntax

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/asterkit/aster/internal/pyunicode"
)

// stdlibDir is the installed CPython 3.11 standard library, the corpus of
// the differential tests.
const stdlibDir = "/usr/lib/python3.11"

// verdict is what CPython's compile() says about a source.
type verdict struct {
	ok    bool
	line  int
	class string
	msg   string
}

// python311 returns the CPython 3.11 interpreter, skipping the test when
// there is none.
func python311(t testing.TB) string {
	for _, p := range []string{"/usr/bin/python3.11", "/usr/bin/python3", "python3.11", "python3"} {
		path, err := exec.LookPath(p)
		if err != nil {
			continue
		}
		out, err := exec.Command(path, "-c", "import sys; print(sys.version_info[:2] == (3, 11))").Output()
		if err == nil && strings.TrimSpace(string(out)) == "True" {
			return path
		}
	}
	t.Skip("no CPython 3.11 found")
	return ""
}

// compileAll runs CPython's compile() on every source in one process.
func compileAll(t testing.TB, py string, srcs [][]byte) []verdict {
	var in bytes.Buffer
	for _, s := range srcs {
		binary.Write(&in, binary.BigEndian, uint64(len(s)))
		in.Write(s)
	}
	cmd := exec.Command(py, "testdata/compile.py")
	cmd.Stdin = &in
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("compile.py: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(srcs) {
		t.Fatalf("compile.py gave %d verdicts for %d sources", len(lines), len(srcs))
	}
	vs := make([]verdict, len(lines))
	for i, l := range lines {
		if l == "OK" {
			vs[i].ok = true
			continue
		}
		f := strings.SplitN(l, "\t", 4)
		vs[i].line, _ = strconv.Atoi(f[1])
		vs[i].class, vs[i].msg = f[2], f[3]
	}
	return vs
}

// stdlibFiles lists the .py files of the standard library, sorted
// ($PYSYNTAX_CORPUS names another directory).
func stdlibFiles(t testing.TB) []string {
	dir := stdlibDir
	if d := os.Getenv("PYSYNTAX_CORPUS"); d != "" {
		dir = d
	}
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		t.Skip("no Python files at " + dir)
	}
	sort.Strings(files)
	return files
}

// TestStdlibMatchesCPython parses every file of the standard library and
// compares acceptance (and error lines) with compile().
func TestStdlibMatchesCPython(t *testing.T) {
	py := python311(t)
	files := stdlibFiles(t)
	srcs := make([][]byte, len(files))
	for i, f := range files {
		var err error
		if srcs[i], err = os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	want := compileAll(t, py, srcs)
	accepted := 0
	for i, src := range srcs {
		_, err := Parse(src)
		if msg := compare(err, want[i]); msg != "" {
			t.Errorf("%s: %s", files[i], msg)
		}
		if err == nil {
			accepted++
		}
	}
	t.Logf("%d files, %d accepted", len(files), accepted)
}

// compare describes how err differs from CPython's verdict in acceptance
// or line, or returns "".
func compare(err error, want verdict) string {
	switch {
	case err == nil && want.ok:
		return ""
	case err == nil:
		return fmt.Sprintf("accepted; CPython: line %d: %s: %s", want.line, want.class, want.msg)
	case want.ok:
		return fmt.Sprintf("rejected (%v); CPython accepts it", err)
	}
	if e, ok := err.(*Error); ok && e.Line != want.line {
		return fmt.Sprintf("error at line %d (%s); CPython: line %d: %s: %s", e.Line, e.Msg, want.line, want.class, want.msg)
	}
	return ""
}

// unit is a top-level statement of a standard-library file (with its
// decorators), a small source to mutate.
func units(t testing.TB, files []string) [][]byte {
	var out [][]byte
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(src)
		if err != nil {
			continue
		}
		for _, s := range m.Body {
			start, end := s.Span()
			first, last := m.Lines.Line(start), m.Lines.Line(end-1)
			if last-first < 2 || last-first > 60 {
				continue
			}
			from := m.Lines.LineStart(first)
			to := len(src)
			if last < len(m.Lines.start) {
				to = int(m.Lines.LineStart(last + 1))
			}
			out = append(out, src[from:to])
		}
	}
	return out
}

// insertions are the tokens the mutator inserts.
var insertions = []string{"(", ")", "[", "]", "{", "}", ":", ",", ";", "=", "==", ".", "*", "**", "@", "->",
	"if", "else", "for", "in", "not", "lambda", "yield", "return", "await", "async", "def", "class",
	"import", "from", "as", "pass", "break", "global x", "nonlocal x", ":=", "'", "\"", "\"\"\"", "\\",
	"#", "1", "0x", "1_", "x", "None", "True", "\t", " ", "\n", "f'{", "}'", "$", "?", "!"}

// mutate changes one thing in src: a line deleted or duplicated, a token
// inserted or deleted, an indentation changed, tabs and spaces swapped.
func mutate(r *rand.Rand, src []byte) []byte {
	lines := strings.SplitAfter(string(src), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	i := r.IntN(len(lines))
	join := func(ls []string) []byte { return []byte(strings.Join(ls, "")) }
	switch r.IntN(7) {
	case 0: // delete a line
		return join(append(append([]string{}, lines[:i]...), lines[i+1:]...))
	case 1: // duplicate a line
		return join(append(append(append([]string{}, lines[:i+1]...), lines[i]), lines[i+1:]...))
	case 2: // insert a token
		at := r.IntN(len(src) + 1)
		tok := insertions[r.IntN(len(insertions))]
		return append(append(append([]byte{}, src[:at]...), tok...), src[at:]...)
	case 3: // delete a token: a run of name characters or one other character
		at := r.IntN(len(src))
		end := at + 1
		for end < len(src) && isIdentByte(src[end]) && isIdentByte(src[at]) {
			end++
		}
		return append(append([]byte{}, src[:at]...), src[end:]...)
	case 4: // indent or dedent a line
		l := lines[i]
		switch d := []int{-4, -1, 1, 4}[r.IntN(4)]; {
		case d > 0:
			l = strings.Repeat(" ", d) + l
		default:
			trimmed := strings.TrimLeft(l, " ")
			cut := min(-d, len(l)-len(trimmed))
			l = l[cut:]
		}
		out := append([]string{}, lines...)
		out[i] = l
		return join(out)
	default: // swap tabs and spaces in an indentation
		l := lines[i]
		trimmed := strings.TrimLeft(l, " \t")
		ind := l[:len(l)-len(trimmed)]
		switch {
		case strings.Contains(ind, "\t"):
			ind = strings.Replace(ind, "\t", "        ", 1)
		case len(ind) >= 8 && r.IntN(2) == 0:
			ind = "\t" + ind[8:]
		case len(ind) >= 4:
			ind = "\t" + ind[4:]
		default:
			ind = "\t" + ind
		}
		out := append([]string{}, lines...)
		out[i] = ind + trimmed
		return join(out)
	}
}

// TestMutantsMatchCPython compares the parser with compile() on mutated
// top-level statements of the standard library: acceptance must agree
// on every mutant, the error line on at least 95%. PYSYNTAX_MUTANTS sets
// the count, PYSYNTAX_SEED another mutation sequence.
func TestMutantsMatchCPython(t *testing.T) {
	py := python311(t)
	us := units(t, stdlibFiles(t))
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	if v, err := strconv.Atoi(os.Getenv("PYSYNTAX_MUTANTS")); err == nil {
		n = v
	}
	seed, _ := strconv.ParseUint(os.Getenv("PYSYNTAX_SEED"), 10, 64)
	r := rand.New(rand.NewPCG(1+seed, 2))
	mutants := make([][]byte, n)
	for i := range mutants {
		mutants[i] = mutate(r, us[r.IntN(len(us))])
	}
	want := compileAll(t, py, mutants)
	rejected, wrongAccept, sameLine, sameMsg := 0, 0, 0, 0
	var lineDiffs []string
	for i, src := range mutants {
		_, err := Parse(src)
		w := want[i]
		if (err == nil) != w.ok {
			wrongAccept++
			if wrongAccept <= 20 {
				t.Errorf("mutant %d: %s\n%s", i, compare(err, w), src)
			}
			continue
		}
		if w.ok {
			continue
		}
		rejected++
		if e, ok := err.(*Error); ok && e.Msg == w.msg && e.Kind.String() == w.class {
			sameMsg++
		}
		if compare(err, w) == "" {
			sameLine++
		} else if len(lineDiffs) < 400 {
			lineDiffs = append(lineDiffs, fmt.Sprintf("mutant %d: %s\n%s", i, compare(err, w), src))
		}
	}
	pct := 100 * float64(sameLine) / float64(max(rejected, 1))
	t.Logf("%d mutants of %d units: %d rejected by CPython; accept/reject differs on %d; error line equal on %d (%.2f%%), class and message on %d",
		n, len(us), rejected, wrongAccept, sameLine, pct, sameMsg)
	if pct < 95 || os.Getenv("PYSYNTAX_SHOW") != "" {
		for _, d := range lineDiffs {
			t.Log(d)
		}
		t.Errorf("error line equal on %.2f%% of the rejected mutants, want at least 95%%", pct)
	}
}

// doctestSources extracts the interactive examples (">>> " and "... "
// lines) of a CPython test module, one source per example.
func doctestSources(text string) [][]byte {
	var out [][]byte
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, []byte(strings.Join(cur, "\n")+"\n"))
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimLeft(line, " ")
		switch {
		case strings.HasPrefix(t, ">>> "):
			flush()
			cur = append(cur, t[4:])
		case strings.HasPrefix(t, "... ") && len(cur) > 0:
			cur = append(cur, t[4:])
		case t == "..." && len(cur) > 0:
			cur = append(cur, "")
		default:
			flush()
		}
	}
	flush()
	return out
}

// TestCPythonSyntaxTests compares acceptance and error lines with
// compile() on the examples of CPython's own syntax-error tests, where the
// test suite is installed.
func TestCPythonSyntaxTests(t *testing.T) {
	py := python311(t)
	path := os.Getenv("PYSYNTAX_TEST_SYNTAX")
	if path == "" {
		path = filepath.Join(stdlibDir, "test", "test_syntax.py")
	}
	text, err := os.ReadFile(path)
	if err != nil {
		t.Skip("CPython's test suite is not installed")
	}
	srcs := doctestSources(string(text))
	want := compileAll(t, py, srcs)
	for i, src := range srcs {
		_, err := Parse(src)
		if (err == nil) != want[i].ok {
			t.Errorf("%q: %s", src, compare(err, want[i]))
		}
	}
	t.Logf("%d examples", len(srcs))
}

// TestUnicodeMatchesCPython puts characters at the start and in the
// middle of a name and alone in an expression, and compares the verdicts
// with CPython 3.11's: every letter, mark, number, punctuation and symbol
// of Go's tables from U+0080 on, one in 61, and every one Unicode 15.0
// added (CPython 3.11 knows Unicode 14.0 only).
func TestUnicodeMatchesCPython(t *testing.T) {
	py := python311(t)
	var srcs [][]byte
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !unicode.IsPrint(r) || (r%61 != 0 && !pyunicode.Unknown(r)) {
			continue
		}
		c := string(r)
		srcs = append(srcs, []byte(c+"x = 1\n"), []byte("a"+c+" = 1\n"), []byte("x = "+c+"\n"))
	}
	want := compileAll(t, py, srcs)
	for i, src := range srcs {
		got := verdict{ok: true}
		if _, err := Parse(src); err != nil {
			e := err.(*Error)
			got = verdict{line: e.Line, class: e.Kind.String(), msg: e.Msg}
		}
		if got != want[i] {
			t.Errorf("%q: got %+v, want CPython's %+v", src, got, want[i])
		}
	}
}

// identifierChars prints, for every code point from U+0080 on (surrogates
// as 0), whether it may start a name and whether it may continue one.
const identifierChars = `
import sys
out = bytearray()
for r in range(0x80, 0x110000):
    c = "" if 0xD800 <= r <= 0xDFFF else chr(r)
    out.append(48 + (c != "" and c.isidentifier()) + 2 * (c != "" and ("a" + c).isidentifier()))
sys.stdout.write(out.decode())
`

// TestIdentifierCharsMatchCPython checks isXIDStart and isXIDContinue on
// every code point against str.isidentifier of CPython 3.11.
func TestIdentifierCharsMatchCPython(t *testing.T) {
	out, err := exec.Command(python311(t), "-c", identifierChars).Output()
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != unicode.MaxRune+1-0x80 {
		t.Fatalf("%d answers", len(out))
	}
	bad := 0
	for i, a := range out {
		r := rune(0x80 + i)
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		start, cont := a&1 != 0, a&2 != 0
		if isXIDStart(r) != start || isXIDContinue(r) != cont {
			if bad++; bad <= 20 {
				t.Errorf("%U: start %v continue %v, CPython %v %v", r, isXIDStart(r), isXIDContinue(r), start, cont)
			}
		}
	}
	if bad > 20 {
		t.Errorf("%d code points differ in all", bad)
	}
}
