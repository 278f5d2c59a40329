package aster_test

import (
	"os"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	scriptCommands["section"] = cmdSection
}

// cmdSection copies the lines of one "=== title ===" section of a vector
// file into another file, each line ending in a newline:
//
//	section $VECTORS/23_aster_config/print_config.txt '=== print_config() ===' want.txt
func cmdSection(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: section FILE HEADER OUT")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	var out strings.Builder
	found, inside := false, false
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "=== ") && strings.HasSuffix(line, " ===") {
			inside = line == args[1]
			found = found || inside
			continue
		}
		if inside {
			out.WriteString(line + "\n")
		}
	}
	if !found || out.Len() == 0 {
		ts.Fatalf("section %q not found or empty in %s", args[1], args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(out.String()), 0o644))
}
