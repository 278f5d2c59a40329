package aster_test

import (
	"os"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	scriptCommands["refstdout"] = cmdRefStdout
	scriptCommands["setmtime"] = cmdSetMtime
	scriptCommands["mtime"] = cmdMtime
	scriptCommands["cprepo"] = cmdCpRepo
}

// cmdSetMtime sets a file's modification time:
//
//	setmtime manifest.json 2000-01-01T00:00:00Z
func cmdSetMtime(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: setmtime FILE RFC3339")
	}
	t, err := time.Parse(time.RFC3339, args[1])
	ts.Check(err)
	ts.Check(os.Chtimes(ts.MkAbs(args[0]), t, t))
}

// cmdMtime checks a file's modification time (with !, that it differs):
//
//	mtime manifest.json 2000-01-01T00:00:00Z
func cmdMtime(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: [!] mtime FILE RFC3339")
	}
	want, err := time.Parse(time.RFC3339, args[1])
	ts.Check(err)
	st, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	switch got := st.ModTime(); {
	case neg && got.Equal(want):
		ts.Fatalf("%s: modification time is still %s", args[0], args[1])
	case !neg && !got.Equal(want):
		ts.Fatalf("%s: modification time %s, want %s", args[0], got.UTC().Format(time.RFC3339), args[1])
	}
}

// cmdCpRepo copies a directory of this repository (relative to its root)
// into the script's work directory:
//
//	cprepo examples/python example
func cmdCpRepo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cprepo REPO_DIR DEST")
	}
	ts.Check(os.CopyFS(ts.MkAbs(args[1]), os.DirFS(args[0])))
}

// cmdRefStdout checks that the last command's stdout is the stdout the
// reference printed, as recorded in a vector's *.cli.txt file:
//
//	refstdout $VECTORS/01_unary_basic/manifest.cli.txt
func cmdRefStdout(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: refstdout CLI_TXT")
	}
	want, err := referenceStdout(ts.ReadFile(args[0]))
	if err != "" {
		ts.Fatalf("%s: %s", args[0], err)
	}
	if got := ts.ReadFile("stdout"); got != want {
		ts.Fatalf("stdout differs from the reference\n--- got\n%s--- want (%s)\n%s", got, args[0], want)
	}
}

// referenceStdout extracts the stdout section of a *.cli.txt file: the
// lines between the "$ command" line and the "[stderr" marker.
func referenceStdout(text string) (string, string) {
	lines := strings.SplitAfter(text, "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "$ ") {
		return "", "no \"$ command\" first line"
	}
	var out strings.Builder
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "[stderr") {
			return out.String(), ""
		}
		out.WriteString(l)
	}
	return "", "no [stderr marker"
}
