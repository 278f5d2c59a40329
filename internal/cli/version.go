package cli

import "github.com/asterkit/aster/internal/version"

// Version is the version aster --version prints.
func Version() string { return version.String() }
