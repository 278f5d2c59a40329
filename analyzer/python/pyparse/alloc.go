package pyparse

/*
#include <stddef.h>

// ts_set_allocator is part of the tree-sitter C API (tree_sitter/api.h),
// compiled into the go-tree-sitter package this package imports.
extern void ts_set_allocator(
	void *(*new_malloc)(size_t),
	void *(*new_calloc)(size_t, size_t),
	void *(*new_realloc)(void *, size_t),
	void (*new_free)(void *));

static void use_c_allocator(void) { ts_set_allocator(NULL, NULL, NULL, NULL); }
*/
import "C"

// go-tree-sitter routes every allocation of the C library through Go
// callbacks, which makes parsing several times slower. Its default
// callbacks end in the C allocator anyway, so hand tree-sitter the C
// allocator directly.
func init() {
	C.use_c_allocator()
}
