package aster_test

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	gokeyring "github.com/zalando/go-keyring"
)

// Scripts that use the [keyring] condition run against the session's real
// OS keyring (a Secret Service on Linux). Because they create and delete
// entries, they only run when ASTER_TEST_OS_KEYRING=1, as .ci/run sets inside
// a private D-Bus session with an unlocked gnome-keyring.
func init() {
	scriptConditions["keyring"] = func() (bool, error) {
		probeOnce.Do(probeKeyring)
		return probeErr == nil, nil
	}
	scriptCommands["sessionbus"] = cmdSessionBus
	scriptCommands["cmpvector"] = cmdCmpVector
	scriptCommands["mode"] = cmdMode
	scriptCommands["envfrom"] = cmdEnvFrom
}

var (
	probeOnce sync.Once
	probeErr  error
)

// probeKeyring does a set/get/delete round trip with a short time-out and
// reports once, on stderr, why keyring scripts are skipped.
func probeKeyring() {
	defer func() {
		if probeErr != nil {
			fmt.Fprintf(os.Stderr, "OS keyring scripts skipped: %v\n", probeErr)
		}
	}()
	if os.Getenv("ASTER_TEST_OS_KEYRING") != "1" {
		probeErr = fmt.Errorf("ASTER_TEST_OS_KEYRING is not 1 (they create and delete entries in the session's keyring)")
		return
	}
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" && runtime.GOOS == "linux" {
		probeErr = fmt.Errorf("DBUS_SESSION_BUS_ADDRESS is not set")
		return
	}
	b := make([]byte, 8)
	rand.Read(b)
	account, secret := "probe-"+hex.EncodeToString(b), hex.EncodeToString(b)
	done := make(chan error, 1)
	go func() {
		if err := gokeyring.Set("aster", account, secret); err != nil {
			done <- err
			return
		}
		got, err := gokeyring.Get("aster", account)
		if err == nil && got != secret {
			err = fmt.Errorf("read back %q, stored %q", got, secret)
		}
		if derr := gokeyring.Delete("aster", account); err == nil {
			err = derr
		}
		done <- err
	}()
	select {
	case probeErr = <-done:
	case <-time.After(5 * time.Second):
		probeErr = fmt.Errorf("no answer from the OS keyring within 5s")
	}
}

// cmdSessionBus gives the script the test's D-Bus session address, which
// scripts do not inherit otherwise:
//
//	sessionbus
func cmdSessionBus(ts *testscript.TestScript, neg bool, args []string) {
	addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS")
	if neg || len(args) != 0 || addr == "" {
		ts.Fatalf("usage: sessionbus (needs DBUS_SESSION_BUS_ADDRESS; guard with [keyring])")
	}
	ts.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
}

// cmdCmpVector compares the last command's stdout with the stdout of the
// N-th command recorded in a vector's cli.txt ("$PWD" there stands for the
// current directory); -from L skips the block's lines before line L:
//
//	cmpvector [-from L] 21_enroll_identity/cli.txt N
func cmdCmpVector(ts *testscript.TestScript, neg bool, args []string) {
	from := 1
	if len(args) == 4 && args[0] == "-from" {
		from, _ = strconv.Atoi(args[1])
		args = args[2:]
	}
	if neg || len(args) != 2 || from < 1 {
		ts.Fatalf("usage: cmpvector [-from L] FILE N")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	blocks := vectorBlocks(ts, filepath.Join(ts.Getenv("VECTORS"), args[0]))
	if n < 1 || n > len(blocks) {
		ts.Fatalf("%s has %d commands, not %d", args[0], len(blocks), n)
	}
	want := strings.ReplaceAll(blocks[n-1], "$PWD", ts.MkAbs("."))
	got := ts.ReadFile("stdout")
	if from > 1 {
		want = strings.Join(strings.SplitAfter(want, "\n")[from-1:], "")
		got = strings.Join(strings.SplitAfter(got, "\n")[from-1:], "")
	}
	if got != want {
		ts.Fatalf("stdout differs from %s command %d:\n--- got\n%s--- want\n%s", args[0], n, got, want)
	}
}

// vectorBlocks returns the stdout of each "$ command" of a cli.txt.
func vectorBlocks(ts *testscript.TestScript, path string) []string {
	f, err := os.Open(path)
	ts.Check(err)
	defer f.Close()
	var blocks []string
	var cur *strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "$ "):
			cur = new(strings.Builder)
		case strings.HasPrefix(line, "[exit code]") && cur != nil:
			blocks = append(blocks, cur.String())
			cur = nil
		case cur != nil:
			cur.WriteString(line + "\n")
		}
	}
	ts.Check(sc.Err())
	return blocks
}

// cmdMode checks a file's permission bits (not on Windows):
//
//	mode .aster-identity 0600
func cmdMode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mode PATH PERM")
	}
	if runtime.GOOS == "windows" {
		return
	}
	want, err := strconv.ParseUint(args[1], 8, 32)
	ts.Check(err)
	st, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	if got := st.Mode().Perm(); uint64(got) != want {
		ts.Fatalf("%s has mode %#o, want %#o", args[0], got, want)
	}
}

// cmdEnvFrom sets VAR to the first submatch of REGEXP in FILE:
//
//	envfrom PUB $ASTER_HOME/config.toml 'root_pubkey = "([0-9a-f]+)"'
func cmdEnvFrom(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: envfrom VAR FILE REGEXP")
	}
	re, err := regexp.Compile(args[2])
	ts.Check(err)
	m := re.FindStringSubmatch(ts.ReadFile(args[1]))
	if len(m) < 2 {
		ts.Fatalf("%s: no match for %s", args[1], args[2])
	}
	ts.Setenv(args[0], m[1])
}
