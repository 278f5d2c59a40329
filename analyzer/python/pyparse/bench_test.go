package pyparse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asterkit/aster/analyzer/python/internal/pysyntax"
	"github.com/asterkit/aster/internal/memlimit"
)

// BenchmarkParse reports the parse-only throughput (MB/s) on the .py files
// of each directory in $ASTER_PARSE_DIRS (colon-separated; the installed
// standard library by default): "ast" is the syntax tree with the
// compile-time checks, "outline" adds the outline the analyzer reads. It
// runs under the memory policy the aster command sets (internal/memlimit).
func BenchmarkParse(b *testing.B) {
	memlimit.Apply() // as the aster command parses
	dirs := os.Getenv("ASTER_PARSE_DIRS")
	if dirs == "" {
		dirs = "/usr/lib/python3.11"
	}
	for _, dir := range strings.Split(dirs, ":") {
		var srcs []string
		size := 0
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".py") {
				return nil
			}
			src, err := os.ReadFile(p)
			if err == nil {
				srcs = append(srcs, string(src))
				size += len(src)
			}
			return nil
		})
		if len(srcs) == 0 {
			b.Logf("no .py files in %s", dir)
			continue
		}
		name := filepath.Base(dir)
		b.Run(name+"/ast", func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, src := range srcs {
					pysyntax.ParseString(src)
				}
			}
		})
		b.Run(name+"/outline", func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, src := range srcs {
					Parse(src)
				}
			}
		})
	}
}
