package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/asterkit/aster/internal/profile"
	"github.com/asterkit/aster/internal/trust"
)

// expandHome expands a leading "~/" of a path flag.
func expandHome(path string) string {
	if !strings.HasPrefix(path, "~/") {
		return path
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return path
	}
	return filepath.Join(home, path[2:])
}

// rootKeyPath is a key path flag with a leading "~/" expanded, or
// $ASTER_HOME/root.key when the flag is empty.
func rootKeyPath(flag string) (string, error) {
	if flag != "" {
		return expandHome(flag), nil
	}
	home, err := profile.Home()
	if err != nil {
		return "", Failf("%v", err)
	}
	return filepath.Join(home, "root.key"), nil
}

// keyExists prints the two lines the reference prints when a key file is in
// the way, and ends the command with exit 1.
func keyExists(c *Context, path string) error {
	fmt.Fprintf(c.Stderr, "Error: key file already exists: %s\nUse a different path or remove the existing file.\n", path)
	return &Exit{Code: 1}
}

// writeKeyFailure turns a failed key or credential write into the error the
// command reports.
func writeKeyFailure(c *Context, err error) error {
	var exists *trust.ExistsError
	if errors.As(err, &exists) {
		return keyExists(c, exists.Path)
	}
	return Failf("%v", err).WithHint("Check the path and its permissions, or choose another one.")
}
