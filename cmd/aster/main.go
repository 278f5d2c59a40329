// Command aster manages Aster RPC contracts, trust roots, credentials,
// node identities, operator profiles and configuration.
package main

import (
	"os"

	"github.com/asterkit/aster/internal/cli"
	"github.com/asterkit/aster/internal/memlimit"
)

func main() {
	memlimit.Apply()
	os.Exit(cli.Stdio())
}
