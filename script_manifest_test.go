package aster_test

import (
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	scriptCommands["refblock"] = cmdRefBlock
}

// cmdRefBlock checks that the last command's stdout is the stdout of the
// Nth command (from 1) recorded in a multi-command cli.txt file, where each
// block is a "$ command" line, its output and an "[exit code] N" line:
//
//	refblock $VECTORS/01_unary_basic/export/cli.txt 2
func cmdRefBlock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: refblock CLI_TXT N")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil || n < 1 {
		ts.Fatalf("refblock: bad block number %q", args[1])
	}
	want, ok := referenceBlock(ts.ReadFile(args[0]), n)
	if !ok {
		ts.Fatalf("%s: no command block %d", args[0], n)
	}
	if got := ts.ReadFile("stdout"); got != want {
		ts.Fatalf("stdout differs from the reference\n--- got\n%s--- want (%s, block %d)\n%s", got, args[0], n, want)
	}
}

// referenceBlock extracts the output of the nth "$ command" block: the
// lines after it up to its "[exit code]" (or "[stderr") line.
func referenceBlock(text string, n int) (string, bool) {
	var out strings.Builder
	block := 0
	for _, l := range strings.SplitAfter(text, "\n") {
		switch {
		case strings.HasPrefix(l, "$ "):
			block++
		case block == n && (strings.HasPrefix(l, "[exit code]") || strings.HasPrefix(l, "[stderr")):
			return out.String(), true
		case block == n:
			out.WriteString(l)
		}
	}
	return "", false
}
