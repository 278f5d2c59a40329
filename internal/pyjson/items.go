package pyjson

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// itemsPerBlock is the number of items Items gives a goroutine at a time;
// arrays of fewer than two blocks are written item by item.
const itemsPerBlock = 16

// Items writes n items into the innermost open array, item writing the
// i-th on the Writer it is given. Large arrays are written in blocks of
// itemsPerBlock items by one goroutine per processor, each block on a
// Writer of its own at the same depth, and the blocks taken in order: the
// document is the one writing the items one by one would give, and item
// must be safe to call concurrently. A streaming Writer writes each block
// out as its turn comes, so that a few blocks at most are held at once.
func (w *Writer) Items(n int, item func(w *Writer, i int)) {
	blocks := (n + itemsPerBlock - 1) / itemsPerBlock
	workers := min(runtime.GOMAXPROCS(0), blocks)
	if workers < 2 {
		for i := range n {
			item(w, i)
		}
		return
	}
	// A worker takes a free Writer, then the next block, and hands the
	// Writer on with the block written in it; this goroutine takes the
	// blocks in order and frees their Writers. So at most len(free)
	// blocks are held at once.
	free := make(chan *Writer, 2*workers)
	for range cap(free) {
		free <- &Writer{layout: w.layout, part: true}
	}
	written := make([]chan *Writer, blocks)
	for b := range written {
		written[b] = make(chan *Writer, 1)
	}
	at := w.position
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	// Closing free lets the workers go however this goroutine leaves.
	defer func() {
		close(free)
		wg.Wait()
	}()
	for range workers {
		wg.Go(func() {
			for part := range free {
				b := int(next.Add(1) - 1)
				if b >= blocks {
					return
				}
				if !failed.Load() {
					part.position = at
					lo := b * itemsPerBlock
					if lo > 0 {
						part.wrote()
					}
					for i := lo; i < min(lo+itemsPerBlock, n); i++ {
						item(part, i)
					}
				}
				written[b] <- part
			}
		})
	}
	for b := range blocks {
		part := <-written[b]
		if part.err != nil {
			w.fail(part.err)
		}
		w.adopt(part)
		if w.err != nil {
			failed.Store(true)
		}
		free <- part
	}
	w.wrote()
}

// adopt appends the text of part, leaving part empty: a streaming Writer
// writes it out and gives part its buffers back to fill again; another
// takes the buffers rather than copying them.
func (w *Writer) adopt(part *Writer) {
	part.setAside()
	if w.dst == nil {
		w.setAside()
		w.full = append(w.full, part.full...)
		w.size += part.size
		part.full, part.size = nil, 0
		return
	}
	w.flush()
	for _, c := range part.full {
		if w.err == nil {
			w.write(c)
		}
		part.spare = append(part.spare, c[:cap(c)])
	}
	part.full, part.size = part.full[:0], 0
}
