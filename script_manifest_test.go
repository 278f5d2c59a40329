package aster_test

import (
	"os"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/asterkit/aster/internal/pyjson"
)

func init() {
	scriptCommands["refblock"] = cmdRefBlock
	scriptCommands["jsonset"] = cmdJSONSet
}

// cmdJSONSet edits a JSON file written with indent 2 (as manifests are):
// it sets the value at a dotted path of keys and array indexes to a JSON
// value (an index one past the end appends), or with -delete removes it:
//
//	jsonset m.json methods.0.fields.1.kind '"string"'
//	jsonset -delete m.json methods.1
func cmdJSONSet(ts *testscript.TestScript, neg bool, args []string) {
	del := len(args) > 0 && args[0] == "-delete"
	if del {
		args = args[1:]
	}
	if neg || (del && len(args) != 2) || (!del && len(args) != 3) {
		ts.Fatalf("usage: jsonset FILE PATH JSON | jsonset -delete FILE PATH")
	}
	doc, err := pyjson.Unmarshal([]byte(ts.ReadFile(args[0])))
	ts.Check(err)
	var value any
	if !del {
		value, err = pyjson.Unmarshal([]byte(args[2]))
		ts.Check(err)
	}
	keys := strings.Split(args[1], ".")
	var edit func(cur any, keys []string) any
	edit = func(cur any, keys []string) any {
		k := keys[0]
		switch c := cur.(type) {
		case pyjson.Object:
			for i, m := range c {
				if m.Key != k {
					continue
				}
				switch {
				case len(keys) > 1:
					c[i].Value = edit(m.Value, keys[1:])
				case del:
					return append(c[:i:i], c[i+1:]...)
				default:
					c[i].Value = value
				}
				return c
			}
			if len(keys) == 1 && !del {
				return append(c, pyjson.Member{Key: k, Value: value})
			}
		case []any:
			i, err := strconv.Atoi(k)
			switch {
			case err != nil || i < 0 || i > len(c) || i == len(c) && (len(keys) > 1 || del):
			case len(keys) > 1:
				c[i] = edit(c[i], keys[1:])
				return c
			case del:
				return append(c[:i:i], c[i+1:]...)
			case i == len(c):
				return append(c, value)
			default:
				c[i] = value
				return c
			}
		}
		ts.Fatalf("jsonset: no %q in %s", k, args[1])
		return nil
	}
	doc = edit(doc, keys)
	out, err := pyjson.Marshal(doc, pyjson.Options{Indent: 2, ASCII: true})
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), out, 0o644))
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
