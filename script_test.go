package aster_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/asterkit/aster/internal/astergen"
	"github.com/asterkit/aster/internal/cli"
	"github.com/asterkit/aster/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/scripts from the actual output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"aster": func() { os.Exit(cli.Stdio()) },
		"aster-gen": func() {
			os.Exit(astergen.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs every testdata/scripts/*.txtar as users run the commands.
// Each script sees $VECTORS (the conformance vectors in testdata/conformance), $ASTER_CHECKOUT
// (the repository), and HOME and ASTER_HOME under its own $WORK.
func TestScripts(t *testing.T) {
	vectors := testenv.Vectors(t)
	checkout, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/scripts",
		UpdateScripts:       *update,
		RequireExplicitExec: false,
		Setup: func(env *testscript.Env) error {
			home := filepath.Join(env.WorkDir, "home")
			env.Setenv("HOME", home)
			env.Setenv("ASTER_HOME", filepath.Join(home, ".aster"))
			env.Setenv("VECTORS", vectors)
			env.Setenv("ASTER_CHECKOUT", checkout)
			env.Setenv("NO_COLOR", "1")
			return os.MkdirAll(home, 0o755)
		},
		Condition: scriptCondition,
		Cmds:      scriptCommands,
	})
}
