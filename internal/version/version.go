// Package version reports the version of the aster programs.
package version

import "runtime/debug"

// stamp is the release version, set when a release build links the
// programs (scripts/release.sh):
//
//	go build -ldflags "-X github.com/asterkit/aster/internal/version.stamp=v0.1.0"
var stamp string

// String returns the stamped release version, else the main module's
// version from the build information: the module version for
// `go install …@version`, a tag or pseudo-version for a build in a git
// checkout, "(devel)" when neither is known.
func String() string {
	if stamp != "" {
		return stamp
	}
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}
