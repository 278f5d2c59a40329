package aster_test

import (
	"os"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	scriptCommands["sparse"] = cmdSparse
}

// cmdSparse creates a sparse file of the given size in bytes (suffixes K
// and M count KiB and MiB), taking no disk space:
//
//	sparse big.json 600M
func cmdSparse(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: sparse FILE SIZE")
	}
	s, unit := args[1], int64(1)
	switch s[len(s)-1] {
	case 'K':
		s, unit = s[:len(s)-1], 1<<10
	case 'M':
		s, unit = s[:len(s)-1], 1<<20
	}
	n, err := strconv.ParseInt(s, 10, 64)
	ts.Check(err)
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(f.Truncate(n * unit))
	ts.Check(f.Close())
}
