package pyparse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScratchCompareTS(t *testing.T) {
	dir := os.Getenv("TS_DUMPS")
	if dir == "" {
		t.Skip()
	}
	same, diff := 0, 0
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		want, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if string(want) == "ERROR\n" {
			continue
		}
		p := strings.ReplaceAll(strings.TrimSuffix(e.Name(), ".txt"), "!", "/")
		src, _ := os.ReadFile(p)
		f, err := Parse(src)
		var b strings.Builder
		if err != nil {
			b.WriteString("ERROR\n")
		} else {
			dumpOutline(&b, f.Root, 0)
		}
		if b.String() == string(want) {
			same++
			continue
		}
		diff++
		if diff < 5 {
			wl, gl := strings.Split(string(want), "\n"), strings.Split(b.String(), "\n")
			for i := range wl {
				if i >= len(gl) || wl[i] != gl[i] {
					g := ""
					if i < len(gl) {
						g = gl[i]
					}
					t.Errorf("%s line %d: want %q got %q", p, i, wl[i], g)
					break
				}
			}
		}
	}
	t.Logf("same %d diff %d", same, diff)
}
