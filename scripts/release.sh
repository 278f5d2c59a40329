#!/usr/bin/env bash
# Builds the release archives of aster and aster-gen:
#
#   scripts/release.sh [VERSION]
#
# VERSION (e.g. v0.1.0) defaults to the tag on HEAD. For every platform in
# $PLATFORMS (default: linux, darwin and windows on amd64 and arm64) it writes
# dist/aster_VERSION_OS_ARCH.tar.gz (.zip for windows) holding both programs,
# LICENSE, README.md and CHANGELOG.md, then dist/SHA256SUMS. The version is
# stamped into the binaries, so `aster --version` and `aster-gen -version`
# print it; the binaries built for this machine are run to check that.
#
# Nothing needs cgo, so every platform builds from any machine. .ci/run
# runs this script on every change.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:-$(git describe --tags --exact-match 2>/dev/null || true)}
if [[ ! $version =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then
  echo "Error: no release version (got '${version}')" >&2
  echo "  Pass one, e.g. scripts/release.sh v0.1.0, or run on a tagged commit." >&2
  exit 2
fi
platforms=${PLATFORMS:-linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64}
export CGO_ENABLED=${CGO_ENABLED:-0}
# Archive entries get the commit's time, so the same commit gives the same bytes.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
ldflags="-s -w -X github.com/asterkit/aster/internal/version.stamp=${version}"

rm -rf dist
mkdir -p dist
for platform in $platforms; do
  os=${platform%/*} arch=${platform#*/}
  name=aster_${version}_${os}_${arch}
  exe=""
  [[ $os == windows ]] && exe=.exe
  echo "building $name"
  mkdir "dist/$name"
  for cmd in aster aster-gen; do
    GOOS=$os GOARCH=$arch go build -trimpath -ldflags "$ldflags" -o "dist/$name/$cmd$exe" "./cmd/$cmd"
  done
  cp LICENSE README.md CHANGELOG.md "dist/$name/"
  if [[ $platform == "$(go env GOHOSTOS)/$(go env GOHOSTARCH)" ]]; then
    test "$("dist/$name/aster$exe" --version)" = "aster $version"
    test "$("dist/$name/aster-gen$exe" -version)" = "aster-gen $version"
  fi
  find "dist/$name" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  if [[ $os == windows ]]; then
    (cd dist && find "$name" | LC_ALL=C sort | zip -qX "$name.zip" -@)
  else
    tar -C dist --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
      -cf - "$name" | gzip -n >"dist/$name.tar.gz"
  fi
  rm -r "dist/$name"
done
(cd dist && sha256sum aster_* >SHA256SUMS)
cat dist/SHA256SUMS
