package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

const progressService = `from aster import rpc, service


@service
class Echo:
    @rpc
    async def ping(self, n: int) -> int:
        return n
`

// genOn runs contract gen on a one-service project with stderr set to w,
// progress shown at once, and returns the exit code and stdout.
func genOn(t *testing.T, w *os.File, args ...string) (int, string) {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile(filepath.Join(dir, "svc.py"), []byte(progressService), 0o644); err != nil {
		t.Fatal(err)
	}
	defer func(d time.Duration) { progressDelay = d }(progressDelay)
	progressDelay = 0
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	t.Setenv("GIT_DIR", filepath.Join(dir, "no-repository"))
	var stdout bytes.Buffer
	code := Main(append([]string{"contract", "gen", "--service", "svc:Echo"}, args...), nil, &stdout, w)
	return code, stdout.String()
}

// onTerminal runs genOn with stderr a pseudo-terminal and returns what the
// terminal received.
func onTerminal(t *testing.T, args ...string) string {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	received := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(ptmx) // ends with EIO once tty is closed
		received <- b
	}()
	code, stdout := genOn(t, tty, args...)
	tty.Close()
	got := string(<-received)
	if code != 0 {
		t.Fatalf("exit %d, stdout %q, terminal %q", code, stdout, got)
	}
	return got
}

func progressEnv(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm")
	t.Setenv("ASTER_NO_PROGRESS", "")
}

// TestProgressOnTerminal: on a terminal, gen shows modules parsed and
// services analysed, and clears the line at the end.
func TestProgressOnTerminal(t *testing.T) {
	progressEnv(t)
	got := onTerminal(t)
	if !strings.Contains(got, "aster: modules parsed: 1, services analysed: 1/1") {
		t.Errorf("no final progress line on the terminal: %q", got)
	}
	if !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("the progress line is not cleared at the end: %q", got)
	}
}

// TestProgressOptOuts: --quiet, NO_COLOR and ASTER_NO_PROGRESS keep the
// terminal free of progress.
func TestProgressOptOuts(t *testing.T) {
	for _, c := range []struct {
		name, env string
		args      []string
	}{
		{"quiet", "", []string{"--quiet"}},
		{"NO_COLOR", "NO_COLOR", nil},
		{"ASTER_NO_PROGRESS", "ASTER_NO_PROGRESS", nil},
		{"TERM=dumb", "TERM", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			progressEnv(t)
			if c.env == "TERM" {
				t.Setenv("TERM", "dumb")
			} else if c.env != "" {
				t.Setenv(c.env, "1")
			}
			if got := onTerminal(t, c.args...); strings.Contains(got, "services analysed") {
				t.Errorf("progress shown: %q", got)
			}
		})
	}
}

// TestNoProgressInFile: stderr redirected to a file gets no progress.
func TestNoProgressInFile(t *testing.T) {
	progressEnv(t)
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if code, stdout := genOn(t, f); code != 0 {
		t.Fatalf("exit %d: %s", code, stdout)
	}
	data, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	if len(data) != 0 {
		t.Errorf("stderr in a file got %q", data)
	}
}
