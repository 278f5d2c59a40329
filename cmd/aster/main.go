// Command aster manages Aster RPC contracts, trust roots, credentials,
// node identities, operator profiles and configuration.
package main

import (
	"os"

	"github.com/asterkit/aster/internal/cli"
)

func main() {
	os.Exit(cli.Stdio())
}
