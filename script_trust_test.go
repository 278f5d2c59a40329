package aster_test

import (
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/asterkit/aster/internal/pyjson"
)

func init() {
	scriptCommands["refcmd"] = cmdRefCmd
	scriptCommands["filemode"] = cmdFileMode
	scriptCommands["hexflip"] = cmdHexFlip
}

// cmdRefCmd runs the nth "$ aster …" command of a reference cli.txt in the
// script's directory and checks that its output (stdout then stderr) and
// exit code are the recorded ones:
//
//	refcmd $VECTORS/20_credentials/cli.txt 3
func cmdRefCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: refcmd CLI_TXT N")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil || n < 1 {
		ts.Fatalf("refcmd: bad block number %q", args[1])
	}
	text := ts.ReadFile(args[0])
	argv, wantCode, ok := referenceCommand(text, n)
	want, _ := referenceBlock(text, n)
	if !ok || len(argv) == 0 || argv[0] != "aster" {
		ts.Fatalf("%s: no aster command block %d", args[0], n)
	}
	code := 0
	if err := ts.Exec(argv[0], argv[1:]...); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			ts.Fatalf("refcmd: %v", err)
		}
		code = exitErr.ExitCode()
	}
	stderr, hinted := withoutHints(ts.ReadFile("stderr"))
	if !hinted {
		ts.Fatalf("%s: an Error: line without the hint line that follows it\n%s", strings.Join(argv, " "), ts.ReadFile("stderr"))
	}
	if got := ts.ReadFile("stdout") + stderr; got != want || code != wantCode {
		ts.Fatalf("%s differs from the reference (%s, block %d)\n--- got (exit %d)\n%s--- want (exit %d)\n%s",
			strings.Join(argv, " "), args[0], n, code, got, wantCode, want)
	}
}

// withoutHints drops the indented hint line that aster prints after an
// "Error:" line where the reference prints none, so the rest can be
// compared with the reference byte for byte. It reports whether every
// Error: line is followed by a line saying what to do (indented, or the
// reference's own).
func withoutHints(stderr string) (string, bool) {
	lines := strings.SplitAfter(stderr, "\n")
	var kept []string
	hinted := true
	for i := 0; i < len(lines); i++ {
		kept = append(kept, lines[i])
		if !strings.HasPrefix(lines[i], "Error: ") {
			continue
		}
		switch {
		case i+1 == len(lines) || strings.TrimSpace(lines[i+1]) == "" || strings.HasPrefix(lines[i+1], "Error: "):
			hinted = false
		case strings.HasPrefix(lines[i+1], "  "):
			i++
		}
	}
	return strings.Join(kept, ""), hinted
}

// referenceCommand returns the words of the nth "$ command" line of a
// reference cli.txt (split at spaces, as recorded) and its exit code.
func referenceCommand(text string, n int) ([]string, int, bool) {
	var argv []string
	block := 0
	for _, l := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(l, "$ "):
			if block++; block == n {
				argv = strings.Fields(l[2:])
			}
		case block == n && strings.HasPrefix(l, "[exit code] "):
			code, err := strconv.Atoi(strings.TrimPrefix(l, "[exit code] "))
			return argv, code, err == nil
		}
	}
	return nil, 0, false
}

// cmdFileMode checks a file's permission bits:
//
//	filemode root.key 0600
func cmdFileMode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: filemode PATH MODE")
	}
	want, err := strconv.ParseUint(args[1], 8, 32)
	if err != nil {
		ts.Fatalf("filemode: bad mode %q", args[1])
	}
	st, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	if got := st.Mode().Perm(); (uint64(got) == want) == neg {
		ts.Fatalf("%s has mode %#o, want %s%#o", args[0], got, map[bool]string{true: "not ", false: ""}[neg], want)
	}
}

// cmdHexFlip flips the lowest bit of byte N of a hex string member of a
// JSON file written with indent 2 (a credential), keeping the layout:
//
//	hexflip cred.json signature 0
func cmdHexFlip(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: hexflip FILE MEMBER N")
	}
	n, err := strconv.Atoi(args[2])
	ts.Check(err)
	doc, err := pyjson.Unmarshal([]byte(ts.ReadFile(args[0])))
	ts.Check(err)
	obj := doc.(pyjson.Object)
	for i, m := range obj {
		if m.Key != args[1] {
			continue
		}
		s, _ := m.Value.(string)
		b, err := hex.DecodeString(s)
		if err != nil || n < 0 || n >= len(b) {
			ts.Fatalf("hexflip: %s is not hex with a byte %d", args[1], n)
		}
		b[n] ^= 1
		obj[i].Value = hex.EncodeToString(b)
		out, err := pyjson.Marshal(obj, pyjson.Options{Indent: 2, ASCII: true})
		ts.Check(err)
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), append(out, '\n'), 0o600))
		return
	}
	ts.Fatalf("hexflip: no member %s in %s", args[1], args[0])
}
