// Package progress shows how far a long run has got, on one line of a
// terminal's stderr that is redrawn in place and cleared at the end.
package progress

import (
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// Delay is how long a run lasts before its progress appears.
const Delay = time.Second

// interval is the time between two redraws.
const interval = 150 * time.Millisecond

// Enabled reports whether progress may be shown on w: w is a terminal,
// the run is not quiet, and the environment does not opt out (NO_COLOR,
// TERM=dumb or ASTER_NO_PROGRESS set).
func Enabled(w io.Writer, quiet bool) bool {
	f, ok := w.(*os.File)
	if !ok || quiet || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" || os.Getenv("ASTER_NO_PROGRESS") != "" {
		return false
	}
	return term.IsTerminal(int(f.Fd()))
}

// Reporter draws a status line while a run lasts.
type Reporter struct {
	w      io.Writer
	status func() string
	delay  time.Duration
	start  time.Time

	mu    sync.Mutex
	shown bool // a status line is on the screen
	quit  chan struct{}
	done  chan struct{}
}

// Start reports status() on w once delay has passed, and again every
// 150 ms, until Stop. A nil *Reporter (from a disabled Start) does
// nothing.
func Start(w io.Writer, enabled bool, delay time.Duration, status func() string) *Reporter {
	if !enabled {
		return nil
	}
	r := &Reporter{w: w, status: status, delay: delay, start: time.Now(),
		quit: make(chan struct{}), done: make(chan struct{})}
	go r.run()
	return r
}

func (r *Reporter) run() {
	defer close(r.done)
	wait := time.NewTimer(r.delay)
	defer wait.Stop()
	select {
	case <-r.quit:
		return
	case <-wait.C:
	}
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		r.draw()
		select {
		case <-r.quit:
			return
		case <-tick.C:
		}
	}
}

// draw writes the current status over the line.
func (r *Reporter) draw() {
	s := r.status()
	r.mu.Lock()
	defer r.mu.Unlock()
	io.WriteString(r.w, "\r\x1b[K"+s)
	r.shown = true
}

// clear erases the status line; r.mu is held.
func (r *Reporter) clear() {
	if r.shown {
		io.WriteString(r.w, "\r\x1b[K")
		r.shown = false
	}
}

// Writer returns w made safe to print messages (warnings) on while the
// status line is shown: the line is cleared first and redrawn on the next
// tick.
func (r *Reporter) Writer(w io.Writer) io.Writer {
	if r == nil {
		return w
	}
	return writerFunc(func(p []byte) (int, error) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.clear()
		return w.Write(p)
	})
}

// Stop ends the reporting. A run that outlasted the delay shows its final
// status once more before the line is cleared, so no count is left
// unseen.
func (r *Reporter) Stop() {
	if r == nil {
		return
	}
	close(r.quit)
	<-r.done
	if time.Since(r.start) >= r.delay {
		r.draw()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clear()
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
