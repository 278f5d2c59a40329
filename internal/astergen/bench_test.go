package astergen

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/asterkit/aster/analyzer/golang"
)

// benchPackage writes a module with one package declaring 50 service
// interfaces and 500 wire structs, and returns its directory.
func benchPackage(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	var src strings.Builder
	src.WriteString("package big\n\nimport (\n\t\"context\"\n\t\"iter\"\n\t\"time\"\n)\n\n")
	const services, structs = 50, 500
	// Each service owns ten structs; within a group, W(i) points at the
	// next struct (a chain) and, through a slice, back at the group's
	// first (a cycle).
	for i := range structs {
		first, next := i-i%10, i+1
		if next%10 == 0 {
			next = first
		}
		fmt.Fprintf(&src, "//aster:wire_type bench/W%d\ntype W%d struct {\n", i, i)
		fmt.Fprintf(&src, "\tName string\n\tCount int64\n\tRatio float32\n\tWhen time.Time\n\tTags []string\n")
		fmt.Fprintf(&src, "\tByName map[string]int32\n\tNext *W%d\n\tItems []W%d `json:\"items\"`\n}\n\n", next, first)
	}
	for s := range services {
		fmt.Fprintf(&src, "//aster:service name=Svc%d version=%d\ntype Svc%d interface {\n", s, s+1, s)
		for m := range 5 {
			in, out := s*10+m, s*10+m+5
			switch m {
			case 1:
				fmt.Fprintf(&src, "\t//aster:server_stream timeout=30\n\tM%d(ctx context.Context, req *W%d) (iter.Seq2[*W%d, error], error)\n", m, in, out)
			default:
				fmt.Fprintf(&src, "\t//aster:rpc idempotent\n\tM%d(ctx context.Context, req *W%d) (*W%d, error)\n", m, in, out)
			}
		}
		src.WriteString("}\n\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/big\n\ngo 1.26\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.go"), []byte(src.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// generatedPackage is benchPackage after one aster-gen run: the state in
// which go generate runs again, with the generated aster_contract.go and
// .aster/manifest.json present (and loaded by go list as part of the
// package). When git is installed the directory is a repository with one
// commit, so the git metadata lookups run as they do for a user.
func generatedPackage(b *testing.B) string {
	b.Helper()
	dir := benchPackage(b)
	if _, err := exec.LookPath("git"); err == nil {
		for _, args := range [][]string{
			{"init", "-q"},
			{"add", "."},
			{"-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "bench"},
		} {
			cmd := exec.Command("git", args...)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
			}
		}
	}
	var stderr bytes.Buffer
	if code := Run(Options{Dir: dir, Stdout: io.Discard, Stderr: &stderr}); code != 0 {
		b.Fatalf("aster-gen: exit %d: %s", code, stderr.String())
	}
	return dir
}

// BenchmarkAsterGen measures what a user runs: aster-gen through Main, in
// the package directory, with up-to-date files (loading, analysis,
// compiling every contract, rendering both files, serialising the manifest
// and comparing both with the files on disk). Each run must write nothing.
// Main's garbage collector target applies to the whole run, the load
// included, and is restored on return, so BenchmarkPackagesLoad keeps the
// default (run both with GOGC set to compare at one target).
func BenchmarkAsterGen(b *testing.B) {
	b.Chdir(generatedPackage(b))
	var stdout, stderr bytes.Buffer
	for b.Loop() {
		stdout.Reset()
		if code := Main(nil, nil, &stdout, &stderr); code != 0 || stdout.Len() > 0 {
			b.Fatalf("aster-gen: exit %d: %s%s", code, stdout.String(), stderr.String())
		}
	}
}

// BenchmarkPackagesLoad is the floor: a bare packages.Load of the same
// package, in the same state, with the same pattern and mode.
func BenchmarkPackagesLoad(b *testing.B) {
	dir := generatedPackage(b)
	for b.Loop() {
		pkgs, err := packages.Load(&packages.Config{Mode: golang.LoadMode, Dir: dir}, ".")
		if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
			b.Fatalf("load: %v %v", err, pkgs)
		}
	}
}
