// Package memlimit sets the soft memory limit the aster command runs under,
// so that analyses whose live data grows until the end do not reach twice
// their final size.
package memlimit

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// floor is the smallest soft memory limit Apply sets, and
// ceiling the live heap beyond which it lifts the limit. The floor bounds
// the peak memory of a run whose live heap stays below it; a lower floor
// makes the collector run more often as the live heap grows (on the
// 1,000-service benchmark corpus, whose live data ends near 100 MiB, a
// floor of 136-140 MiB cost 43-60% more CPU time).
const (
	floor   = 168 << 20
	ceiling = 256 << 20
)

// gcPercent is the collector's growth target while the limit holds: the
// heap may grow to thirteen times the live data between collections, the
// limit bounding it. Below the limit a collection only costs time, the
// more the larger the live heap it marks: on the benchmark corpus, whose
// live data grows to about 100 MiB, a run collects once, early, instead of
// three times with a target of 400, for about a fifth less CPU time and
// the same peak memory. Once the limit is lifted, the default applies
// again.
const gcPercent = 1200

var applyOnce sync.Once

// Apply bounds the memory of the process, unless $GOMEMLIMIT is
// set: after every collection it sets the Go runtime's soft memory limit
// to the larger of 168 MiB and the live heap plus an eighth. The live data
// of a run grows until its last service, and the collector's default goal,
// twice the live heap, would let the process reach about twice its final
// live size; under the limit it collects sooner instead. Once the live
// heap passes 256 MiB the limit is lifted, so that a large run does not
// spend its time collecting. Unless $GOGC is set, the collector's growth
// target is gcPercent while the limit holds.
func Apply() {
	if os.Getenv("GOMEMLIMIT") == "" {
		applyOnce.Do(adjustLimit)
	}
}

// tuneGC is whether Apply also sets the collector's growth target: only
// when $GOGC does not.
var tuneGC = os.Getenv("GOGC") == ""

// gcCycle is a value whose finalizer runs after the next collection.
type gcCycle struct{ _ *byte }

func adjustLimit() {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	l := limit(int64(live[0].Value.Uint64()))
	debug.SetMemoryLimit(l)
	if tuneGC {
		debug.SetGCPercent(growth(l))
	}
	runtime.SetFinalizer(&gcCycle{}, func(*gcCycle) { adjustLimit() })
}

// growth is the collector's growth target under the soft limit l.
func growth(l int64) int {
	if l == math.MaxInt64 {
		return 100
	}
	return gcPercent
}

// limit is the soft limit Apply sets for a live heap size.
func limit(live int64) int64 {
	if live > ceiling {
		return math.MaxInt64
	}
	return max(floor, live+live/8)
}
