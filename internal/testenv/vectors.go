// Package testenv locates the shared conformance vectors for tests.
package testenv

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// VectorsDir returns the absolute path of the conformance vectors: the
// folder named by $ASTER_VECTORS, else ../shared/vectors beside the module
// root. It returns an error naming where it looked when they are absent.
func VectorsDir() (string, error) {
	if dir := os.Getenv("ASTER_VECTORS"); dir != "" {
		return checkDir(dir)
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return checkDir(filepath.Join(dir, "..", "shared", "vectors"))
		}
		if filepath.Dir(dir) == dir {
			return "", errors.New("conformance vectors: no go.mod above " + wd)
		}
	}
}

func checkDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(abs, "CONTRACT_IDS.txt")); err != nil {
		return "", fmt.Errorf("conformance vectors not found at %s (set ASTER_VECTORS or place shared/ beside the checkout): %v", abs, err)
	}
	return abs, nil
}

// Vectors is VectorsDir for tests: it fails the test loudly when the
// vectors are absent.
func Vectors(t interface {
	Helper()
	Fatalf(string, ...any)
}) string {
	t.Helper()
	dir, err := VectorsDir()
	if err != nil {
		t.Fatalf("%v", err)
	}
	return dir
}
