package aster_test

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/asterkit/aster/contract/manifest"
)

func init() {
	scriptCommands["gooffline"] = cmdGoOffline
	scriptCommands["sameids"] = cmdSameIDs
	scriptCommands["replace"] = cmdReplace
}

// cmdReplace replaces the one occurrence of OLD in FILE with NEW, as a
// user's edit:
//
//	replace 'timeout=5' 'timeout=10' svc.go
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace OLD NEW FILE")
	}
	path := ts.MkAbs(args[2])
	data, err := os.ReadFile(path)
	ts.Check(err)
	if n := strings.Count(string(data), args[0]); n != 1 {
		ts.Fatalf("%s holds %q %d times, want once", args[2], args[0], n)
	}
	ts.Check(os.WriteFile(path, []byte(strings.Replace(string(data), args[0], args[1], 1)), 0o644))
}

// cmdGoOffline prepares the script's environment for running the go
// command on a module without requirements: the test process's build
// cache (so the standard library is not rebuilt), no network, no
// workspace, no toolchain switch, and a fixed publication time.
//
//	gooffline
func cmdGoOffline(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: gooffline")
	}
	out, err := exec.Command("go", "env", "GOCACHE").Output()
	ts.Check(err)
	ts.Setenv("GOCACHE", strings.TrimSpace(string(out)))
	ts.Setenv("GOPATH", ts.MkAbs("gopath"))
	ts.Setenv("GOPROXY", "off")
	ts.Setenv("GOFLAGS", "-mod=mod -buildvcs=false")
	ts.Setenv("GOWORK", "off")
	ts.Setenv("GOTOOLCHAIN", "local")
	ts.Setenv("SOURCE_DATE_EPOCH", "1767225600")
}

// cmdSameIDs checks that two manifest files hold the same services,
// versions and contract ids, in order (with !, that they differ):
//
//	sameids .aster/manifest.json $VECTORS/02_streaming_patterns/manifest.json
func cmdSameIDs(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: [!] sameids MANIFEST MANIFEST")
	}
	var ids [2][]string
	for i, path := range args {
		f, err := manifest.Read(ts.MkAbs(path))
		ts.Check(err)
		for _, e := range f.Entries {
			ids[i] = append(ids[i], fmt.Sprintf("%s v%d %s", e.Service, e.Version, e.ContractID))
		}
	}
	same := slices.Equal(ids[0], ids[1])
	if same == neg {
		ts.Fatalf("contract ids of %s: %v; of %s: %v", args[0], ids[0], args[1], ids[1])
	}
}
