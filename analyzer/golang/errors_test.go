package golang

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/asterkit/aster/analyzer"
)

// TestErrors analyses each testdata/errors/*.txtar module and checks the
// positioned error its "want" file names, and that it carries a hint.
func TestErrors(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "errors", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no error fixtures: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			want := ""
			for _, f := range ar.Files {
				if f.Name == "want" {
					want = strings.TrimSpace(string(f.Data))
					continue
				}
				if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err = Analyze(dir, ".")
			var ae *analyzer.Error
			if !errors.As(err, &ae) {
				t.Fatalf("got %v, want an *analyzer.Error %q", err, want)
			}
			if ae.Error() != want {
				t.Errorf("got  %s\nwant %s", ae.Error(), want)
			}
			if ae.Hint == "" {
				t.Errorf("%s: no hint", ae.Error())
			}
		})
	}
}
