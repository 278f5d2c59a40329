package pysyntax

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/errors.golden with CPython 3.11's verdicts")

// errorChunks splits testdata/errors.txt into its sources: each follows a
// line "#---" (which starts after a line end of any kind).
func errorChunks(t *testing.T) [][]byte {
	data, err := os.ReadFile("testdata/errors.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	var chunks [][]byte
	start := -1
	for i := 0; i <= len(s); i++ {
		atSep := i < len(s) && strings.HasPrefix(s[i:], "#---\n") && (i == 0 || s[i-1] == '\n' || s[i-1] == '\r')
		if !atSep && i < len(s) {
			continue
		}
		if start >= 0 {
			chunks = append(chunks, []byte(s[start:i]))
		}
		if atSep {
			start = i + len("#---\n")
			i = start - 1
		}
	}
	return chunks
}

// TestErrorChunks checks the verdict (accepted, or the error's line,
// class and message) on each source of testdata/errors.txt against
// CPython 3.11's, kept in testdata/errors.golden.
func TestErrorChunks(t *testing.T) {
	chunks := errorChunks(t)
	if *update {
		var lines []string
		for _, v := range compileAll(t, python311(t), chunks) {
			if v.ok {
				lines = append(lines, "OK")
			} else {
				lines = append(lines, fmt.Sprintf("%d\t%s\t%s", v.line, v.class, v.msg))
			}
		}
		if err := os.WriteFile("testdata/errors.golden", []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile("testdata/errors.golden")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(want) != len(chunks) {
		t.Fatalf("%d verdicts for %d sources: run with -update", len(want), len(chunks))
	}
	for i, src := range chunks {
		got := "OK"
		if _, err := Parse(src); err != nil {
			e := err.(*Error)
			got = fmt.Sprintf("%d\t%s\t%s", e.Line, e.Kind, e.Msg)
		}
		if got != want[i] {
			t.Errorf("source %d %q:\n got  %q\n want %q", i+1, truncate(src), got, want[i])
		}
	}
}

func truncate(b []byte) string {
	if len(b) > 80 {
		return string(b[:80]) + "…"
	}
	return string(b)
}
