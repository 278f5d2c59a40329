// Command aster manages Aster RPC contracts, trust roots, credentials,
// node identities, operator profiles and configuration.
package main

import (
	"os"

	"github.com/asterkit/aster/analyzer/python"
	"github.com/asterkit/aster/internal/cli"
)

func main() {
	python.LimitMemory()
	os.Exit(cli.Stdio())
}
