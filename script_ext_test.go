package aster_test

import (
	"errors"
	"fmt"
	"os/exec"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptConditions are the custom [conditions] scripts may use.
var scriptConditions = map[string]func() (bool, error){}

// scriptCommands are the custom commands scripts may use.
var scriptCommands = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"exits": cmdExits,
}

func scriptCondition(cond string) (bool, error) {
	if f, ok := scriptConditions[cond]; ok {
		return f()
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}

// cmdExits runs a program like exec and checks its exact exit code:
//
//	exits 2 aster frobnicate
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad exit code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			ts.Fatalf("exits: %v", err)
		}
		got = exitErr.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}
