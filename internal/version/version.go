// Package version reports the version of the aster programs.
package version

import "runtime/debug"

// String is the main module's version from the build information, or
// "(devel)" for a build outside a module version.
func String() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}
