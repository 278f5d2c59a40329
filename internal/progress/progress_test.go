package progress

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a buffer the reporter's goroutine and the test share.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestShortRunShowsNothing: a run shorter than the delay prints nothing.
func TestShortRunShowsNothing(t *testing.T) {
	var b lockedBuffer
	r := Start(&b, true, time.Hour, func() string { return "status" })
	fmt.Fprintln(r.Writer(&b), "Warning: w")
	r.Stop()
	if got := b.String(); got != "Warning: w\n" {
		t.Errorf("got %q", got)
	}
}

// TestRedrawAndClear: the status is redrawn in place, cleared before a
// message, and cleared at the end after a last draw.
func TestRedrawAndClear(t *testing.T) {
	var b lockedBuffer
	n := 0
	var mu sync.Mutex
	r := Start(&b, true, 0, func() string {
		mu.Lock()
		defer mu.Unlock()
		n++
		return fmt.Sprintf("step %d", n)
	})
	for !strings.Contains(b.String(), "step 1") {
		time.Sleep(time.Millisecond)
	}
	fmt.Fprintln(r.Writer(&b), "Warning: w")
	r.Stop()
	got := b.String()
	if !strings.HasPrefix(got, "\r\x1b[Kstep 1\r\x1b[KWarning: w\n") {
		t.Errorf("the line is not cleared before the message: %q", got)
	}
	if !strings.HasSuffix(got, "\r\x1b[K") || strings.Count(got, "step") < 2 {
		t.Errorf("no last draw and clear at the end: %q", got)
	}
}

// TestDisabled: a disabled reporter is nil and does nothing.
func TestDisabled(t *testing.T) {
	var b lockedBuffer
	r := Start(&b, false, 0, func() string { return "status" })
	fmt.Fprint(r.Writer(&b), "x")
	r.Stop()
	if r != nil || b.String() != "x" {
		t.Errorf("reporter %v, output %q", r, b.String())
	}
}

// TestEnabledNeedsATerminal: a file, a buffer or a pipe never get progress.
func TestEnabledNeedsATerminal(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm")
	f, err := os.Create(filepath.Join(t.TempDir(), "f"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	for _, w := range []io.Writer{f, pw, &bytes.Buffer{}} {
		if Enabled(w, false) {
			t.Errorf("enabled on %T", w)
		}
	}
}
