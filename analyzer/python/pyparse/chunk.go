package pyparse

import "unsafe"

// A chunk is one allocation of nodes that begins with their file: a node
// finds its file from its own address and its slot, so that it holds no
// pointer. The chunk types differ only in how many nodes they hold: a
// file's nodes fill chunks of chunkNodes, and the last is the smallest
// that holds the nodes left.
type (
	chunkHead  struct{ file *File }
	smallChunk struct {
		chunkHead
		nodes [63]Node
	}
	mediumChunk struct {
		chunkHead
		nodes [255]Node
	}
	largeChunk struct {
		chunkHead
		nodes [chunkNodes]Node
	}
)

// chunkNodes is the size of a large chunk; slots must fit in a uint16.
// The chunk sizes (63, 255 and 1023 nodes of 24 bytes after an 8-byte
// head) fill the allocator's size classes of 1.5, 6 and 24 KiB.
const chunkNodes = 1023

// nodesOffset is where every chunk type's nodes begin: file relies on it
// being the same for all (the arrays below fail to compile otherwise).
const nodesOffset = unsafe.Offsetof(largeChunk{}.nodes)

var (
	_ [nodesOffset - unsafe.Offsetof(smallChunk{}.nodes)]struct{}
	_ [unsafe.Offsetof(smallChunk{}.nodes) - nodesOffset]struct{}
	_ [nodesOffset - unsafe.Offsetof(mediumChunk{}.nodes)]struct{}
	_ [unsafe.Offsetof(mediumChunk{}.nodes) - nodesOffset]struct{}
)

// file returns the file of the chunk the node is in: the node is
// nodes[n.slot] of a chunk whose head is nodesOffset bytes before nodes.
func (n *Node) file() *File {
	head := unsafe.Add(unsafe.Pointer(n), -(int(n.slot)*int(unsafe.Sizeof(Node{})) + int(nodesOffset)))
	return (*chunkHead)(head).file
}

// newChunk returns the empty node array of a new chunk of f, of the
// smallest size that holds want nodes (at most chunkNodes).
func newChunk(f *File, want int) []Node {
	switch {
	case want <= len(smallChunk{}.nodes):
		c := &smallChunk{chunkHead: chunkHead{f}}
		return c.nodes[:0]
	case want <= len(mediumChunk{}.nodes):
		c := &mediumChunk{chunkHead: chunkHead{f}}
		return c.nodes[:0]
	}
	c := &largeChunk{chunkHead: chunkHead{f}}
	return c.nodes[:0]
}
