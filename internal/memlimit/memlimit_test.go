package memlimit

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestApply checks that the soft memory limit is set, and set again
// after a collection.
func TestApply(t *testing.T) {
	if os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("$GOMEMLIMIT is set")
	}
	Apply()
	if got := debug.SetMemoryLimit(-1); got < floor || got == math.MaxInt64 {
		t.Fatalf("memory limit %d, want at least %d", got, floor)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	for i := 0; debug.SetMemoryLimit(-1) == math.MaxInt64; i++ {
		if i == 100 {
			t.Fatal("the memory limit was not set again after collections")
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the finalizer runs on its own goroutine
	}
}

// TestGrowth checks the collector's growth target with the limit set
// and lifted.
func TestGrowth(t *testing.T) {
	if got := growth(limit(0)); got != gcPercent {
		t.Errorf("growth under the floor = %d, want %d", got, gcPercent)
	}
	if got := growth(limit(ceiling + 1)); got != 100 {
		t.Errorf("growth with the limit lifted = %d, want 100", got)
	}
}

// TestMemoryLimit checks the limit for some live heap sizes.
func TestMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct{ live, want int64 }{
		{0, 168 * mib},
		{140 * mib, 168 * mib},
		{160 * mib, 180 * mib},
		{256 * mib, 288 * mib},
		{257 * mib, math.MaxInt64},
	} {
		if got := limit(c.live); got != c.want {
			t.Errorf("limit(%d MiB) = %d, want %d", c.live/mib, got, c.want)
		}
	}
}
