package pyjson

import (
	"runtime"
	"sync"
)

// minItemsPerPiece is the fewest items Items gives one goroutine: below
// it, starting goroutines costs more than it saves.
const minItemsPerPiece = 32

// Items writes n items into the innermost open array, item writing the
// i-th on the Writer it is given. Large arrays are written in pieces, one
// per processor, each by its own Writer at the same depth, and the pieces
// joined in order: the document is the one writing the items one by one
// would give, and item must be safe to call concurrently.
func (w *Writer) Items(n int, item func(w *Writer, i int)) {
	pieces := min(runtime.GOMAXPROCS(0), n/minItemsPerPiece)
	if pieces < 2 {
		for i := range n {
			item(w, i)
		}
		return
	}
	parts := make([]*Writer, pieces)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*n/pieces, (p+1)*n/pieces
		part := &Writer{layout: w.layout, position: w.position}
		if lo > 0 {
			part.wrote()
		}
		parts[p] = part
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				item(part, i)
			}
		})
	}
	wg.Wait()
	for _, part := range parts {
		if part.err != nil {
			w.fail(part.err)
		}
		w.adopt(part)
	}
	w.wrote()
}

// adopt appends what part wrote, taking its buffers rather than copying
// them.
func (w *Writer) adopt(part *Writer) {
	w.setAside()
	part.setAside()
	w.full = append(w.full, part.full...)
	w.size += part.size
}
