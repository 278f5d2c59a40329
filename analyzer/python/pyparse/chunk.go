package pyparse

import "unsafe"

// A chunk is one allocation of nodes that begins with their file: a node
// finds its file from its own address and its slot, so that it holds no
// pointer. The chunk types differ only in how many nodes they hold: a
// file's nodes fill chunks of chunkNodes, and the last is the smallest
// that holds the nodes left.
type (
	chunkHead struct{ file *File }
	chunk63   struct {
		chunkHead
		nodes [63]Node
	}
	chunk127 struct {
		chunkHead
		nodes [127]Node
	}
	chunk255 struct {
		chunkHead
		nodes [255]Node
	}
	chunk511 struct {
		chunkHead
		nodes [511]Node
	}
	chunk1023 struct {
		chunkHead
		nodes [chunkNodes]Node
	}
)

// chunkNodes is the size of the largest chunk; slots must fit in a
// uint16. The chunk sizes (63 to 1023 nodes of 24 bytes after an 8-byte
// head) fill the allocator's size classes of 1.5, 3, 6, 12 and 24 KiB,
// so that the last chunk of a file wastes less than half its size.
const chunkNodes = 1023

// nodesOffset is where every chunk type's nodes begin: file relies on it
// being the same for all (the arrays below fail to compile otherwise).
const nodesOffset = unsafe.Offsetof(chunk1023{}.nodes)

var (
	_ [nodesOffset - unsafe.Offsetof(chunk63{}.nodes)]struct{}
	_ [unsafe.Offsetof(chunk63{}.nodes) - nodesOffset]struct{}
	_ [nodesOffset - unsafe.Offsetof(chunk127{}.nodes)]struct{}
	_ [unsafe.Offsetof(chunk127{}.nodes) - nodesOffset]struct{}
	_ [nodesOffset - unsafe.Offsetof(chunk255{}.nodes)]struct{}
	_ [unsafe.Offsetof(chunk255{}.nodes) - nodesOffset]struct{}
	_ [nodesOffset - unsafe.Offsetof(chunk511{}.nodes)]struct{}
	_ [unsafe.Offsetof(chunk511{}.nodes) - nodesOffset]struct{}
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
	case want <= len(chunk63{}.nodes):
		c := &chunk63{chunkHead: chunkHead{f}}
		return c.nodes[:0]
	case want <= len(chunk127{}.nodes):
		c := &chunk127{chunkHead: chunkHead{f}}
		return c.nodes[:0]
	case want <= len(chunk255{}.nodes):
		c := &chunk255{chunkHead: chunkHead{f}}
		return c.nodes[:0]
	case want <= len(chunk511{}.nodes):
		c := &chunk511{chunkHead: chunkHead{f}}
		return c.nodes[:0]
	}
	c := &chunk1023{chunkHead: chunkHead{f}}
	return c.nodes[:0]
}
