package pyparse

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// treeDiff describes the first difference between two outlines.
func treeDiff(a, b *Node, path string) string {
	fa, fb := a.file.fieldName(a.field), b.file.fieldName(b.field)
	if a.Kind != b.Kind || fa != fb || a.Named != b.Named || a.start != b.start || a.end != b.end || a.row != b.row || a.Yields != b.Yields {
		return fmt.Sprintf("%s: tree-sitter %s:%s[%d-%d r%d y%v], new %s:%s[%d-%d r%d y%v]", path,
			fa, a.Kind, a.start, a.end, a.row, a.Yields, fb, b.Kind, b.start, b.end, b.row, b.Yields)
	}
	ka, kb := a.Children(), b.Children()
	for i := 0; i < len(ka) && i < len(kb); i++ {
		if d := treeDiff(ka[i], kb[i], path+"/"+a.Kind); d != "" {
			return d
		}
	}
	if len(ka) != len(kb) {
		var sa, sb []string
		for _, k := range ka {
			sa = append(sa, k.Kind)
		}
		for _, k := range kb {
			sb = append(sb, k.Kind)
		}
		return fmt.Sprintf("%s/%s[%d-%d]: tree-sitter children %v, new %v", path, a.Kind, a.start, a.end, sa, sb)
	}
	return ""
}

func (f *File) fieldName(id uint16) string {
	if f.fields != nil {
		return fieldNames[id]
	}
	return fields[id]
}

// treeSitterMisparses are files where the tree-sitter grammar builds a
// wrong tree: "f(*a.b())" becomes a call of the splat "*a.b".
var treeSitterMisparses = map[string]bool{"test/libregrtest/main.py": true}

// TestParity proves that the hand-written parser builds the same outline
// as tree-sitter on the installed standard library, dist-packages and the
// repository's Python files (PARITY_ROOT adds a directory, e.g. the
// benchmark corpus).
func TestParity(t *testing.T) {
	var files []string
	for _, root := range []string{"/usr/lib/python3.11", "/usr/lib/python3/dist-packages", "../../..", os.Getenv("PARITY_ROOT")} {
		if root == "" {
			continue
		}
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) < 100 {
		t.Skip("no Python standard library installed")
	}
	same, diff, tsErr, newErr := 0, 0, 0, 0
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, errA := Parse(src)
		b, errB := parseNew(src)
		switch {
		case errA != nil && errB != nil:
			same++
		case errA != nil:
			tsErr++
			t.Logf("%s: tree-sitter rejects: %v", p, errA)
		case errB != nil:
			newErr++
			t.Errorf("%s: new parser rejects: %v", p, errB)
		case treeSitterMisparses[strings.TrimPrefix(p, "/usr/lib/python3.11/")]:
			same++
		default:
			if d := treeDiff(a.Root, b.Root, ""); d != "" {
				diff++
				if diff <= 30 {
					t.Errorf("%s: %s", p, d)
				}
			} else {
				same++
			}
		}
	}
	t.Logf("%d files: %d identical, %d differ, %d rejected only by tree-sitter, %d only by the new parser", len(files), same, diff, tsErr, newErr)
}
