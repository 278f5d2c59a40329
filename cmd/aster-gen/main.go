// Command aster-gen is meant for //go:generate: it reads Go service
// interfaces (and Python sources) and writes the contract manifest and
// checked-in Go verification code. With -check it writes nothing and fails
// on drift.
package main

import (
	"os"

	"github.com/asterkit/aster/internal/astergen"
)

func main() {
	os.Exit(astergen.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
