package pyparse

/*
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

// Declarations from the tree-sitter C API (tree_sitter/api.h); the library
// is compiled into the go-tree-sitter package.
typedef struct TSParser TSParser;
typedef struct TSTree TSTree;
typedef struct TSLanguage TSLanguage;
typedef struct { uint32_t context[4]; const void *id; const TSTree *tree; } TSNode;
typedef struct { const void *tree; const void *id; uint32_t context[3]; } TSTreeCursor;
typedef struct { uint32_t row; uint32_t column; } TSPoint;

extern TSParser *ts_parser_new(void);
extern void ts_parser_delete(TSParser *self);
extern bool ts_parser_set_language(TSParser *self, const TSLanguage *language);
extern TSTree *ts_parser_parse_string(TSParser *self, const TSTree *old_tree, const char *string, uint32_t length);
extern void ts_tree_delete(TSTree *self);
extern TSNode ts_tree_root_node(const TSTree *self);
extern TSTreeCursor ts_tree_cursor_new(TSNode node);
extern void ts_tree_cursor_delete(TSTreeCursor *self);
extern TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
extern uint16_t ts_tree_cursor_current_field_id(const TSTreeCursor *self);
extern bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);
extern bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
extern bool ts_tree_cursor_goto_parent(TSTreeCursor *self);
extern uint16_t ts_node_symbol(TSNode self);
extern uint32_t ts_node_start_byte(TSNode self);
extern uint32_t ts_node_end_byte(TSNode self);
extern TSPoint ts_node_start_point(TSNode self);
extern bool ts_node_is_named(TSNode self);
extern bool ts_node_is_extra(TSNode self);
extern bool ts_node_is_missing(TSNode self);
extern bool ts_node_is_error(TSNode self);
extern bool ts_node_has_error(TSNode self);
extern uint32_t ts_node_descendant_count(TSNode self);

// flat_node is one node of the tree in pre-order; nkids counts the kept
// direct children.
typedef struct {
	uint32_t start, end, row, nkids;
	uint16_t kind, field;
	uint8_t named, yields;
} flat_node;

// syms are the grammar ids the walk needs.
typedef struct {
	uint16_t async_sym, yield_sym, funcdef, lambda, classdef, global_sym, body_field;
	uint16_t type_sym, generic_type, type_parameter, union_type, subscript, binary_operator, bar;
	uint16_t value_field, subscript_field, left_field, right_field, operator_field;
} syms;

// max_depth bounds the nesting we accept (CPython's parser stops far
// earlier), so the recursive walks stay within the C stack.
enum { max_depth = 2000 };

typedef struct {
	flat_node *nodes;
	uint32_t n, cap, depth;
	bool too_deep;
	const char *src;
	const syms *s;
	TSTreeCursor cur;
} walker;

static uint32_t emit(walker *w, TSNode tn, uint16_t field) {
	uint32_t i = w->n++;
	flat_node *f = &w->nodes[i];
	f->start = ts_node_start_byte(tn);
	f->end = ts_node_end_byte(tn);
	f->row = ts_node_start_point(tn).row;
	f->kind = ts_node_symbol(tn);
	f->field = field;
	f->named = ts_node_is_named(tn);
	f->nkids = 0;
	f->yields = 0;
	return i;
}

static bool keep(walker *w, TSNode c, uint16_t field) {
	if (ts_node_is_extra(c)) return false;
	return ts_node_is_named(c) || field != 0 || ts_node_symbol(c) == w->s->async_sym;
}

// has_yield reports a yield under the cursor outside nested scopes.
static bool has_yield(walker *w) {
	uint16_t sym = ts_node_symbol(ts_tree_cursor_current_node(&w->cur));
	if (sym == w->s->yield_sym) return true;
	if (sym == w->s->funcdef || sym == w->s->lambda || sym == w->s->classdef) return false;
	if (w->depth >= max_depth) { w->too_deep = true; return false; }
	if (!ts_tree_cursor_goto_first_child(&w->cur)) return false;
	w->depth++;
	bool found = false;
	do {
		if (has_yield(w)) { found = true; break; }
	} while (ts_tree_cursor_goto_next_sibling(&w->cur));
	ts_tree_cursor_goto_parent(&w->cur);
	w->depth--;
	return found;
}

static void walk(walker *w, uint16_t field);

// mentions reports whether the source of node n contains word.
static bool mentions(walker *w, TSNode n, const char *word) {
	uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
	size_t k = strlen(word);
	for (uint32_t i = start; i + k <= end; i++) {
		if (w->src[i] == word[0] && memcmp(w->src + i, word, k) == 0) return true;
	}
	return false;
}

// globals emits every global statement under the cursor (at any depth,
// nested functions included) and returns how many it emitted.
static uint32_t globals(walker *w) {
	TSNode n = ts_tree_cursor_current_node(&w->cur);
	if (ts_node_symbol(n) == w->s->global_sym) {
		walk(w, 0);
		return 1;
	}
	if (w->depth >= max_depth) { w->too_deep = true; return 0; }
	if (!ts_tree_cursor_goto_first_child(&w->cur)) return 0;
	w->depth++;
	uint32_t k = 0;
	do {
		k += globals(w);
	} while (ts_tree_cursor_goto_next_sibling(&w->cur));
	ts_tree_cursor_goto_parent(&w->cur);
	w->depth--;
	return k;
}

// outline emits a function body with only its first statement, followed
// by the global statements found anywhere inside it.
static void outline(walker *w, uint32_t def) {
	TSNode body = ts_tree_cursor_current_node(&w->cur);
	uint32_t i = emit(w, body, w->s->body_field);
	if (mentions(w, body, "yield")) w->nodes[def].yields = has_yield(w);
	bool first = false;
	if (ts_tree_cursor_goto_first_child(&w->cur)) {
		do {
			TSNode c = ts_tree_cursor_current_node(&w->cur);
			if (ts_node_is_named(c) && !ts_node_is_extra(c)) {
				first = true;
				walk(w, ts_tree_cursor_current_field_id(&w->cur));
				break;
			}
		} while (ts_tree_cursor_goto_next_sibling(&w->cur));
		ts_tree_cursor_goto_parent(&w->cur);
	}
	uint32_t k = first ? 1 : 0;
	if (mentions(w, body, "global") && ts_tree_cursor_goto_first_child(&w->cur)) {
		bool skip = first;
		do {
			TSNode c = ts_tree_cursor_current_node(&w->cur);
			if (skip && ts_node_is_named(c) && !ts_node_is_extra(c)) {
				skip = false; // the first statement is already emitted
				if (ts_node_symbol(c) == w->s->global_sym) continue;
			}
			k += globals(w);
		} while (ts_tree_cursor_goto_next_sibling(&w->cur));
		ts_tree_cursor_goto_parent(&w->cur);
	}
	w->nodes[i].nkids = k;
}

// named_kids counts the named children of the node under the cursor, not
// counting extras; it returns the symbol of the second one in *second.
static uint32_t named_kids(walker *w, uint16_t *second) {
	uint32_t k = 0;
	if (!ts_tree_cursor_goto_first_child(&w->cur)) return 0;
	do {
		TSNode c = ts_tree_cursor_current_node(&w->cur);
		if (ts_node_is_named(c) && !ts_node_is_extra(c) && ++k == 2) *second = ts_node_symbol(c);
	} while (ts_tree_cursor_goto_next_sibling(&w->cur));
	ts_tree_cursor_goto_parent(&w->cur);
	return k;
}

// walk_named walks the named children of the node under the cursor, the
// first with field first and the others with field rest (the union's
// operator token goes between the first two); it returns how many nodes
// it emitted as children.
static uint32_t walk_named(walker *w, uint16_t first, uint16_t rest, bool bar) {
	uint32_t k = 0, left = 0;
	if (!ts_tree_cursor_goto_first_child(&w->cur)) return 0;
	w->depth++;
	do {
		TSNode c = ts_tree_cursor_current_node(&w->cur);
		if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
		if (k == 1 && bar) {
			// The '|' between the two operands, as a binary operator's.
			uint32_t at = w->nodes[left].end, stop = ts_node_start_byte(c), row = w->nodes[left].row;
			for (uint32_t i = w->nodes[left].start; i < at; i++) row += w->src[i] == '\n';
			while (at < stop && w->src[at] != '|') row += w->src[at++] == '\n';
			w->nodes[w->n++] = (flat_node){.start = at, .end = at + 1, .row = row, .kind = w->s->bar, .field = w->s->operator_field};
			k++;
		}
		if (k == 0) left = w->n;
		walk(w, k == 0 ? first : rest);
		k++;
	} while (ts_tree_cursor_goto_next_sibling(&w->cur));
	w->depth--;
	ts_tree_cursor_goto_parent(&w->cur);
	return k;
}

// walk emits the node under the cursor and its subtree. Annotation-only
// node types become the expression forms they stand for: a "type" wrapper
// its content, generic_type a subscript, union_type a | binary operator.
static void walk(walker *w, uint16_t field) {
	TSNode tn = ts_tree_cursor_current_node(&w->cur);
	uint16_t sym = ts_node_symbol(tn), second = 0;
	if (w->depth >= max_depth) { w->too_deep = true; emit(w, tn, field); return; }
	if (sym == w->s->type_sym && named_kids(w, &second) == 1) {
		ts_tree_cursor_goto_first_child(&w->cur);
		while (!ts_node_is_named(ts_tree_cursor_current_node(&w->cur)) || ts_node_is_extra(ts_tree_cursor_current_node(&w->cur)))
			ts_tree_cursor_goto_next_sibling(&w->cur);
		w->depth++;
		walk(w, field);
		w->depth--;
		ts_tree_cursor_goto_parent(&w->cur);
		return;
	}
	if (sym == w->s->generic_type && named_kids(w, &second) == 2 && second == w->s->type_parameter) {
		uint32_t i = emit(w, tn, field);
		w->nodes[i].kind = w->s->subscript;
		ts_tree_cursor_goto_first_child(&w->cur);
		w->depth++;
		uint32_t k = 0;
		do {
			TSNode c = ts_tree_cursor_current_node(&w->cur);
			if (!ts_node_is_named(c) || ts_node_is_extra(c)) continue;
			if (k++ == 0) walk(w, w->s->value_field);
			else k += walk_named(w, w->s->subscript_field, w->s->subscript_field, false) - 1;
		} while (ts_tree_cursor_goto_next_sibling(&w->cur));
		w->depth--;
		ts_tree_cursor_goto_parent(&w->cur);
		w->nodes[i].nkids = k;
		return;
	}
	if (sym == w->s->union_type && named_kids(w, &second) == 2) {
		uint32_t i = emit(w, tn, field);
		w->nodes[i].kind = w->s->binary_operator;
		w->nodes[i].nkids = walk_named(w, w->s->left_field, w->s->right_field, true);
		return;
	}
	uint32_t i = emit(w, tn, field);
	if (!ts_tree_cursor_goto_first_child(&w->cur)) return;
	w->depth++;
	bool def = sym == w->s->funcdef;
	uint32_t kids = 0;
	do {
		TSNode c = ts_tree_cursor_current_node(&w->cur);
		uint16_t f = ts_tree_cursor_current_field_id(&w->cur);
		if (!keep(w, c, f)) continue;
		kids++;
		if (def && f == w->s->body_field) outline(w, i);
		else walk(w, f);
	} while (ts_tree_cursor_goto_next_sibling(&w->cur));
	ts_tree_cursor_goto_parent(&w->cur);
	w->depth--;
	w->nodes[i].nkids = kids;
}

// first_error finds the first ERROR or MISSING node in pre-order.
static bool first_error(TSTreeCursor *cur, uint32_t depth, uint32_t *start, uint32_t *row, uint16_t *sym, bool *missing) {
	TSNode n = ts_tree_cursor_current_node(cur);
	if (ts_node_is_error(n) || ts_node_is_missing(n)) {
		*start = ts_node_start_byte(n);
		*row = ts_node_start_point(n).row;
		*sym = ts_node_symbol(n);
		*missing = ts_node_is_missing(n);
		return true;
	}
	if (!ts_node_has_error(n) || depth >= max_depth || !ts_tree_cursor_goto_first_child(cur)) return false;
	bool found = false;
	do {
		if (first_error(cur, depth + 1, start, row, sym, missing)) { found = true; break; }
	} while (ts_tree_cursor_goto_next_sibling(cur));
	ts_tree_cursor_goto_parent(cur);
	return found;
}

typedef struct {
	flat_node *nodes;
	uint32_t n;
	int failed; // 1: syntax error, 2: the parser gave up, 3: nested too deeply
	uint32_t err_start, err_row;
	uint16_t err_sym;
	bool err_missing;
} result;

static result parse_flat(TSParser *p, const char *src, uint32_t len, const syms *s) {
	result r = {0};
	TSTree *tree = ts_parser_parse_string(p, NULL, src, len);
	if (!tree) { r.failed = 2; return r; }
	TSNode root = ts_tree_root_node(tree);
	walker w = {0};
	w.s = s;
	w.src = src;
	w.cur = ts_tree_cursor_new(root);
	if (ts_node_has_error(root)) {
		r.failed = 1;
		if (!first_error(&w.cur, 0, &r.err_start, &r.err_row, &r.err_sym, &r.err_missing)) {
			r.err_start = 0; r.err_row = 0; r.err_sym = 0;
		}
	} else {
		w.cap = ts_node_descendant_count(root);
		w.nodes = malloc(sizeof(flat_node) * (w.cap ? w.cap : 1));
		walk(&w, 0);
		r.nodes = w.nodes;
		r.n = w.n;
		if (w.too_deep) r.failed = 3;
	}
	ts_tree_cursor_delete(&w.cur);
	ts_tree_delete(tree);
	return r;
}

static TSParser *new_parser(const void *lang) {
	TSParser *p = ts_parser_new();
	ts_parser_set_language(p, (const TSLanguage *)lang);
	return p;
}
*/
import "C"

import (
	"sync"
	"unsafe"

	tree_sitter_python "github.com/tree-sitter/tree-sitter-python/bindings/go"
)

// parsers holds idle C parsers for reuse.
var parsers = make(chan *C.TSParser, 8)

func getParser() *C.TSParser {
	select {
	case p := <-parsers:
		return p
	default:
		return C.new_parser(tree_sitter_python.Language())
	}
}

func putParser(p *C.TSParser) {
	select {
	case parsers <- p:
	default:
		C.ts_parser_delete(p)
	}
}

// flatNode mirrors flat_node.
type flatNode = C.flat_node

// parseFlat parses src and returns its nodes in pre-order (to be released
// with C.free), or a syntax error position.
func parseFlat(src string) (nodes []flatNode, free func(), errStart, errRow uint32, errSym uint16, missing bool, failed int) {
	initKinds()
	p := getParser()
	defer putParser(p)
	var cs *C.char
	if len(src) > 0 {
		cs = (*C.char)(unsafe.Pointer(unsafe.StringData(src)))
	}
	r := C.parse_flat(p, cs, C.uint32_t(len(src)), &cSyms)
	if r.failed != 0 {
		if r.nodes != nil {
			C.free(unsafe.Pointer(r.nodes))
		}
		return nil, func() {}, uint32(r.err_start), uint32(r.err_row), uint16(r.err_sym), bool(r.err_missing), int(r.failed)
	}
	nodes = unsafe.Slice(r.nodes, int(r.n))
	return nodes, func() { C.free(unsafe.Pointer(r.nodes)) }, 0, 0, 0, false, 0
}

var cSyms C.syms

var (
	kindsOnce sync.Once
	// kinds and fields name the grammar's symbols and fields by id.
	kinds    []string
	fields   []string
	fieldIDs map[string]uint16
)

func initKinds() {
	kindsOnce.Do(func() {
		n := language.NodeKindCount()
		kinds = make([]string, n)
		for id := uint32(0); id < n; id++ {
			kinds[id] = language.NodeKindForId(uint16(id))
		}
		fc := language.FieldCount()
		fields = make([]string, fc+1)
		fieldIDs = map[string]uint16{"": 0}
		for id := uint32(1); id <= fc; id++ {
			fields[id] = language.FieldNameForId(uint16(id))
			fieldIDs[fields[id]] = uint16(id)
		}
		cSyms = C.syms{
			async_sym:  C.uint16_t(language.IdForNodeKind("async", false)),
			yield_sym:  C.uint16_t(language.IdForNodeKind("yield", true)),
			funcdef:    C.uint16_t(language.IdForNodeKind("function_definition", true)),
			lambda:     C.uint16_t(language.IdForNodeKind("lambda", true)),
			classdef:   C.uint16_t(language.IdForNodeKind("class_definition", true)),
			global_sym: C.uint16_t(language.IdForNodeKind("global_statement", true)),
			body_field: C.uint16_t(fieldIDs["body"]),

			type_sym:        C.uint16_t(language.IdForNodeKind("type", true)),
			generic_type:    C.uint16_t(language.IdForNodeKind("generic_type", true)),
			type_parameter:  C.uint16_t(language.IdForNodeKind("type_parameter", true)),
			union_type:      C.uint16_t(language.IdForNodeKind("union_type", true)),
			subscript:       C.uint16_t(language.IdForNodeKind("subscript", true)),
			binary_operator: C.uint16_t(language.IdForNodeKind("binary_operator", true)),
			bar:             C.uint16_t(language.IdForNodeKind("|", false)),
			value_field:     C.uint16_t(fieldIDs["value"]),
			subscript_field: C.uint16_t(fieldIDs["subscript"]),
			left_field:      C.uint16_t(fieldIDs["left"]),
			right_field:     C.uint16_t(fieldIDs["right"]),
			operator_field:  C.uint16_t(fieldIDs["operator"]),
		}
	})
}
