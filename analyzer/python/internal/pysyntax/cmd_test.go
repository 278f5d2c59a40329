package pysyntax

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestScratch(t *testing.T) {
	path := os.Getenv("PYFILE")
	if path == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(path)
	_, err := Parse(src)
	t.Logf("%v", err)
}

func TestScratchOracle(t *testing.T) {
	path := os.Getenv("PYORACLE")
	if path == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(path)
	bad, badLine, n := 0, 0, 0
	for _, ln := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(ln, "\t")
		src, _ := os.ReadFile(f[0])
		n++
		_, err := Parse(src)
		if f[1] == "OK" {
			if err != nil {
				bad++
				if bad < 40 {
					t.Logf("%s: want OK, got %v", f[0], err)
				}
			}
			continue
		}
		if err == nil {
			bad++
			if bad < 40 {
				t.Logf("%s: want %s, got OK", f[0], strings.Join(f[1:], " "))
			}
			continue
		}
		if e, ok := err.(*Error); ok && strconv.Itoa(e.Line) != f[1] {
			badLine++
			if badLine < 40 {
				t.Logf("%s: want %s, got %v", f[0], strings.Join(f[1:], " "), err)
			}
		}
	}
	t.Logf("%d files, %d accept/reject mismatches, %d line mismatches", n, bad, badLine)
}
