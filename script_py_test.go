package aster_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	scriptCommands["cmpid"] = cmdCmpID
	scriptCommands["jsonval"] = cmdJSONVal
	scriptCommands["cmpjson"] = cmdCmpJSON
}

// cmdCmpID compares the contract_id of every entry of two manifests (object
// or array form, same number of entries); with !, it checks that at least
// one entry's id differs:
//
//	cmpid manifest.json $VECTORS/01_unary_basic/manifest.json
func cmdCmpID(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: [!] cmpid GOT.json WANT.json")
	}
	got, want := contractIDs(ts, args[0]), contractIDs(ts, args[1])
	if len(got) != len(want) {
		ts.Fatalf("%s has %d entries, %s has %d", args[0], len(got), args[1], len(want))
	}
	same := reflect.DeepEqual(got, want)
	switch {
	case neg && same:
		ts.Fatalf("contract ids are equal, want a difference: %v", got)
	case !neg && !same:
		ts.Fatalf("contract ids differ:\n%s: %v\n%s: %v", args[0], got, args[1], want)
	}
}

// contractIDs reads the contract_id of each entry of a manifest file.
func contractIDs(ts *testscript.TestScript, path string) []string {
	doc := readJSON(ts, path)
	entries, ok := doc.([]any)
	if !ok {
		entries = []any{doc}
	}
	ids := make([]string, len(entries))
	for i, e := range entries {
		obj, _ := e.(map[string]any)
		id, ok := obj["contract_id"].(string)
		if !ok {
			ts.Fatalf("%s: entry %d has no string contract_id", path, i)
		}
		ids[i] = id
	}
	return ids
}

// cmdJSONVal checks the JSON value at a path of a JSON file (with !, that
// the value exists and differs). Path segments are separated by dots: an
// object key, an array index, or, in an array of objects, the "name" of
// the element. Numbers compare by their text, so 30 and 30.0 differ:
//
//	jsonval manifest.json methods.echo.fields.count.kind '"int"'
func cmdJSONVal(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: [!] jsonval FILE PATH JSON")
	}
	got := jsonAt(ts, readJSON(ts, args[0]), args[1])
	want, err := decodeJSON([]byte(args[2]))
	if err != nil {
		ts.Fatalf("jsonval: bad expected value %s: %v", args[2], err)
	}
	same := reflect.DeepEqual(got, want)
	switch {
	case neg && same:
		ts.Fatalf("%s: %s is %s, want another value", args[0], args[1], args[2])
	case !neg && !same:
		ts.Fatalf("%s: %s is %s, want %s", args[0], args[1], showJSON(got), args[2])
	}
}

// cmdCmpJSON compares two JSON files as values (member order ignored,
// numbers by their text), after deleting the given paths (see jsonval)
// from both; with !, it checks that they differ. FILE@PATH compares only
// the value at PATH of FILE:
//
//	cmpjson got.json $VECTORS/10_default_tags/manifest.json methods.ping.request_wire_tag
//	cmpjson both.json@1 $VECTORS/10_default_tags/manifest.json
func cmdCmpJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: [!] cmpjson GOT.json WANT.json [IGNORED_PATH...]")
	}
	got, want := readJSONAt(ts, args[0]), readJSONAt(ts, args[1])
	for _, p := range args[2:] {
		deleteJSON(ts, got, p)
		deleteJSON(ts, want, p)
	}
	same := reflect.DeepEqual(got, want)
	switch {
	case neg && same:
		ts.Fatalf("%s and %s are equal, want a difference", args[0], args[1])
	case !neg && !same:
		ts.Fatalf("%s and %s differ:\n--- got\n%s\n--- want\n%s", args[0], args[1], showJSON(got), showJSON(want))
	}
}

// readJSONAt reads FILE, or the value at PATH of FILE for FILE@PATH.
func readJSONAt(ts *testscript.TestScript, arg string) any {
	file, path, ok := strings.Cut(arg, "@")
	if !ok {
		return readJSON(ts, file)
	}
	return jsonAt(ts, readJSON(ts, file), path)
}

func readJSON(ts *testscript.TestScript, path string) any {
	v, err := decodeJSON([]byte(ts.ReadFile(path)))
	if err != nil {
		ts.Fatalf("%s: %v", path, err)
	}
	return v
}

// decodeJSON parses one JSON value, keeping numbers as their text.
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("trailing data after the JSON value")
	}
	return v, nil
}

func showJSON(v any) string {
	out, _ := json.MarshalIndent(v, "", "  ")
	return string(out)
}

// jsonAt follows a dotted path (see cmdJSONVal) and fails the script when
// a segment is missing.
func jsonAt(ts *testscript.TestScript, v any, path string) any {
	for _, seg := range strings.Split(path, ".") {
		next, ok := jsonChild(v, seg)
		if !ok {
			ts.Fatalf("no %q at %q in %s", seg, path, showJSON(v))
		}
		v = next
	}
	return v
}

// jsonChild is the member seg of an object, or the element of an array at
// index seg or with "name" equal to seg.
func jsonChild(v any, seg string) (any, bool) {
	switch x := v.(type) {
	case map[string]any:
		c, ok := x[seg]
		return c, ok
	case []any:
		if i, err := strconv.Atoi(seg); err == nil {
			if i < 0 || i >= len(x) {
				return nil, false
			}
			return x[i], true
		}
		for _, e := range x {
			if obj, ok := e.(map[string]any); ok && obj["name"] == seg {
				return e, true
			}
		}
	}
	return nil, false
}

// deleteJSON removes the object member at path (its last segment must name
// a member of an object).
func deleteJSON(ts *testscript.TestScript, v any, path string) {
	i := strings.LastIndexByte(path, '.')
	parent, key := v, path
	if i >= 0 {
		parent, key = jsonAt(ts, v, path[:i]), path[i+1:]
	}
	obj, ok := parent.(map[string]any)
	if !ok {
		ts.Fatalf("cmpjson: %q is not an object member", path)
	}
	if _, ok := obj[key]; !ok {
		ts.Fatalf("cmpjson: no %q", path)
	}
	delete(obj, key)
}
