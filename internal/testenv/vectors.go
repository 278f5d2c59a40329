// Package testenv locates the conformance vectors kept in the repository
// (testdata/conformance, see testdata/README.md) for tests.
package testenv

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// VectorsDir returns the absolute path of testdata/conformance in the
// module that contains the working directory. It returns an error naming
// where it looked when the copy is absent.
func VectorsDir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return checkDir(filepath.Join(dir, "testdata", "conformance"))
		}
		if filepath.Dir(dir) == dir {
			return "", errors.New("conformance vectors: no go.mod above " + wd)
		}
	}
}

func checkDir(dir string) (string, error) {
	if _, err := os.Stat(filepath.Join(dir, "CONTRACT_IDS.txt")); err != nil {
		return "", fmt.Errorf("conformance vectors not found at %s: %v", dir, err)
	}
	return dir, nil
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
