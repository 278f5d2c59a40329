package aster_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/asterkit/aster/contract/manifest"
)

func init() {
	scriptCommands["gooffline"] = cmdGoOffline
	scriptCommands["sameids"] = cmdSameIDs
	scriptCommands["replace"] = cmdReplace
	scriptCommands["precommit"] = cmdPrecommit
}

// cmdPrecommit runs a hook of the repository's .pre-commit-hooks.yaml as
// pre-commit does: its entry, then the given arguments or else the hook's
// args (with pass_filenames false):
//
//	precommit aster-gen-check
func cmdPrecommit(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 {
		ts.Fatalf("usage: [!] precommit HOOK-ID [ARGS...]")
	}
	hooks, err := os.ReadFile(filepath.Join(ts.Getenv("ASTER_CHECKOUT"), ".pre-commit-hooks.yaml"))
	ts.Check(err)
	hook := hookKeys(string(hooks), args[0])
	if hook == nil {
		ts.Fatalf("no hook %s in .pre-commit-hooks.yaml", args[0])
	}
	if hook["pass_filenames"] != "false" {
		ts.Fatalf("hook %s passes file names", args[0])
	}
	cmd := strings.Fields(hook["entry"])
	if len(args) > 1 {
		cmd = append(cmd, args[1:]...)
	} else if list := strings.Trim(hook["args"], "[]"); list != "" {
		for _, a := range strings.Split(list, ",") {
			cmd = append(cmd, strings.Trim(strings.TrimSpace(a), `'"`))
		}
	}
	err = ts.Exec(cmd[0], cmd[1:]...)
	if (err != nil) != neg {
		ts.Fatalf("%s: %v", strings.Join(cmd, " "), err)
	}
}

// hookKeys returns the top-level keys of the hook with the given id in a
// .pre-commit-hooks.yaml written as "- id: X" items of "  key: value"
// lines, or nil.
func hookKeys(yaml, id string) map[string]string {
	var keys map[string]string
	for _, line := range strings.Split(yaml, "\n") {
		if item, ok := strings.CutPrefix(line, "- "); ok {
			if keys != nil {
				return keys
			}
			if strings.TrimSpace(item) == "id: "+id {
				keys = map[string]string{"id": id}
			}
			continue
		}
		if k, v, ok := strings.Cut(strings.TrimSpace(line), ": "); ok && keys != nil {
			keys[k] = v
		}
	}
	return keys
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
// workspace, no toolchain switch, and a fixed publication time. With
// modcache, modules come from the test process's module cache (the
// checkout's requirements are there once it has been built) and go.sum
// lines are taken from it without asking the checksum database.
//
//	gooffline [modcache]
func cmdGoOffline(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) > 1 || (len(args) == 1 && args[0] != "modcache") {
		ts.Fatalf("usage: gooffline [modcache]")
	}
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE").Output()
	ts.Check(err)
	caches := strings.Fields(string(out))
	ts.Setenv("GOCACHE", caches[0])
	ts.Setenv("GOPATH", ts.MkAbs("gopath"))
	if len(args) == 1 {
		ts.Setenv("GOMODCACHE", caches[1])
		ts.Setenv("GOSUMDB", "off")
	}
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
