package pysyntax

import (
	"os"
	"reflect"
	"slices"
	"testing"
)

// TestParserReuse parses files, some invalid, one after another with one
// Parser: each tree is the one a fresh parse gives, and reset leaves no
// slab of the arena holding chunks in use.
func TestParserReuse(t *testing.T) {
	files := stdlibFiles(t)
	if len(files) > 300 {
		files = files[:300]
	}
	var p Parser
	for i, f := range files {
		src := readSource(t, f)
		if i%7 == 3 {
			// An error in the middle of the file abandons a tree half made.
			if _, err := p.ParseString(truncated(src)); err == nil {
				t.Fatalf("%s: truncated source parsed", f)
			}
		}
		fresh, ferr := ParseString(string(src))
		reused, rerr := p.ParseString(string(src))
		if (ferr == nil) != (rerr == nil) || ferr != nil && ferr.Error() != rerr.Error() {
			t.Fatalf("%s: errors %v and %v", f, ferr, rerr)
		}
		if ferr == nil && !slices.Equal(positions(fresh), positions(reused)) {
			t.Fatalf("%s: the reused parser's tree differs", f)
		}
	}
	p.p.a.reset()
	a := reflect.ValueOf(&p.p.a).Elem()
	for i := range a.NumField() {
		slab := a.Field(i)
		if !slab.FieldByName("buf").IsValid() {
			slab = slab.FieldByName("chunks") // the slab of a lists
		}
		if used := slab.FieldByName("used").Int(); used != 0 {
			t.Errorf("arena.%s: %d chunks in use after reset", a.Type().Field(i).Name, used)
		}
	}
}

// TestParseStringTreesStay parses files, some invalid, one after another
// with ParseString, which reuses its scratch memory: every tree keeps
// the shape it had when it was returned.
func TestParseStringTreesStay(t *testing.T) {
	files := stdlibFiles(t)
	if len(files) > 200 {
		files = files[:200]
	}
	var trees []*Module
	var shapes [][]string
	for i, f := range files {
		src := readSource(t, f)
		if i%5 == 2 {
			if _, err := ParseString(truncated(src)); err == nil {
				t.Fatalf("%s: truncated source parsed", f)
			}
		}
		m, err := ParseString(string(src))
		if err != nil {
			continue
		}
		trees = append(trees, m)
		shapes = append(shapes, positions(m))
	}
	for i, m := range trees {
		if !slices.Equal(positions(m), shapes[i]) {
			t.Fatalf("tree %d changed after later parses", i)
		}
	}
}

func readSource(t *testing.T, file string) []byte {
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// truncated is the first half of src followed by an unclosed bracket:
// a source whose error comes after a tree half made.
func truncated(src []byte) string {
	return string(src[:len(src)/2]) + "\n(\n"
}
