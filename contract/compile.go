package contract

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
	"lukechampine.com/blake3"
)

// methodPrimitives are the primitives a method may take or return
// directly, with their hashes: BLAKE3 of the ASCII name.
var methodPrimitives = func() map[string]Hash {
	m := map[string]Hash{}
	for _, p := range []string{"int64", "float64", "string", "bool", "binary"} {
		m[p] = blake3.Sum256([]byte(p))
	}
	return m
}()

// Compile hashes every node of svc's type graph bottom-up, breaking cycles
// as the reference does, then builds the ServiceContract, its canonical
// bytes and its id. Compiled.Types are in hashing order, each Def with its
// fields in canonical order (NFC order of name, ids 1..n); the contract's
// methods are in NFC order of name.
func Compile(svc *Service) (*Compiled, error) { return compileKeeping(svc, true) }

// CompileIDs is Compile keeping, of each type, only its FQN and hash
// (Def and Canonical are left empty): what a manifest entry needs, without
// holding every type's definition and bytes.
func CompileIDs(svc *Service) (*Compiled, error) { return compileKeeping(svc, false) }

// compileKeeping is Compile, keeping each type's Def and Canonical if keep is set.
func compileKeeping(svc *Service, keep bool) (*Compiled, error) {
	if svc == nil {
		return nil, errors.New("no service to compile")
	}
	sc := scratches.Get().(*scratch)
	defer sc.release()
	g, err := newGraph(svc.Types, sc)
	if err != nil {
		return nil, err
	}
	n := len(g.nodes)
	c := &compiler{
		g:      g,
		comp:   sc.int32s(n),
		back:   sc.flags(len(g.adj)),
		seen:   sc.flags(n),
		hashed: sc.flags(n),
		hashes: make([]Hash, n),
		types:  make([]HashedType, 0, n),
		keep:   keep,
	}
	// The fields and typical canonical bytes (room enough that the buffer
	// rarely grows) of all the types, or, when they are not kept, of the
	// largest, whose room each type then reuses.
	fields, types := int(g.fieldOff[n]), n
	if keep {
		c.fields = make([]FieldDef, fields) // the types' Defs keep them
		c.defs = make([]TypeDef, n)
	} else {
		fields, types = 0, 1
		for v := range n {
			fields = max(fields, int(g.fieldOff[v+1]-g.fieldOff[v]))
		}
		if cap(sc.fields) < fields {
			sc.fields = make([]FieldDef, fields)
		}
		c.fields = sc.fields[:fields]
	}
	c.order = sc.int32s(fields)[:0]
	c.enc.buf = make([]byte, 0, 48*fields+32*types+96*len(svc.Methods)+64)
	if err := c.hashTypes(); err != nil {
		return nil, err
	}
	return c.service(svc)
}

// graph is the type graph: nodes, their successors in raw FQN order, and
// the node each field's type and map key refers to.
type graph struct {
	nodes   []*Node
	fqns    []string
	index   map[string]int32
	byRaw   []int32 // node indices in raw code-point order of FQN
	rawRank []int32 // each node's position in byRaw
	nfcRank []int32 // each node's position in NFC order of FQN
	// The successors of node v are adj[off[v]:off[v+1]], without
	// duplicates, in raw FQN order.
	off []int32
	adj []int32
	// Field i of node v has its fields index fieldOff[v]+i; targets holds,
	// per fields index f, the node of its type at 2f and of its map key at
	// 2f+1, or -1 when that is not a node.
	fieldOff []int32
	targets  []int32
	// sc holds the graph's tables, and the compiler's.
	sc *scratch
}

// newGraph builds the graph of nodes in sc's memory.
func newGraph(nodes []*Node, sc *scratch) (*graph, error) {
	n := len(nodes)
	fields, edges := 0, 0
	for _, nd := range nodes {
		if nd != nil {
			fields, edges = fields+len(nd.Fields), edges+len(nd.Edges)
		}
	}
	sc.reserve(n, fields, edges)
	g := &graph{
		nodes:    nodes,
		sc:       sc,
		fqns:     sc.names(n),
		index:    sc.index,
		fieldOff: sc.int32s(n + 1),
		off:      sc.int32s(n + 1),
	}
	for v, nd := range nodes {
		// An empty Name is valid: a wire tag ending in "/" gives one.
		if nd == nil {
			return nil, fmt.Errorf("type %d of the graph is missing", v)
		}
		f := nd.FQN()
		if _, dup := g.index[f]; dup {
			return nil, fmt.Errorf("type %s is in the graph twice", f)
		}
		g.index[f] = int32(v)
		g.fqns[v] = f
		g.fieldOff[v+1] = g.fieldOff[v] + int32(len(nd.Fields))
	}
	g.byRaw = sc.int32s(n)
	for v := range g.byRaw {
		g.byRaw[v] = int32(v)
	}
	slices.SortFunc(g.byRaw, func(a, b int32) int { return strings.Compare(g.fqns[a], g.fqns[b]) })
	g.rawRank = ranks(g.byRaw, sc.int32s(n))
	nfc := sc.names(n)
	for v, f := range g.fqns {
		nfc[v] = norm.NFC.String(f)
	}
	byNFC := sc.int32s(n)
	copy(byNFC, g.byRaw)
	slices.SortStableFunc(byNFC, func(a, b int32) int { return strings.Compare(nfc[a], nfc[b]) })
	g.nfcRank = ranks(byNFC, sc.int32s(n))

	g.targets = sc.int32s(2 * fields)
	g.adj = sc.int32s(2*fields + edges)[:0]
	for v, nd := range nodes {
		start := len(g.adj)
		for i := range nd.Fields {
			f := &nd.Fields[i]
			if f.Container != Map && f.Key != (Element{}) {
				return nil, fmt.Errorf("type %s: field %q: a map key is given but the container is %s", g.fqns[v], f.Name, f.Container)
			}
			fi := 2 * (g.fieldOff[v] + int32(i))
			for part, el := range [2]Element{f.Type, f.Key} {
				w, err := g.target(el)
				if err != nil && part == 1 {
					err = fmt.Errorf("map key: %w", err)
				}
				if err != nil {
					return nil, fmt.Errorf("type %s: field %q: %w", g.fqns[v], f.Name, err)
				}
				g.targets[fi+int32(part)] = w
				if w >= 0 {
					g.adj = append(g.adj, w)
				}
			}
		}
		for _, e := range nd.Edges {
			w, ok := g.index[e]
			if !ok {
				return nil, fmt.Errorf("type %s: edge to unknown type %q", g.fqns[v], e)
			}
			g.adj = append(g.adj, w)
		}
		succ := g.adj[start:]
		slices.SortFunc(succ, func(a, b int32) int { return cmp.Compare(g.rawRank[a], g.rawRank[b]) })
		g.adj = g.adj[:start+len(slices.Compact(succ))]
		g.off[v+1] = int32(len(g.adj))
	}
	return g, nil
}

// ranks inverts a permutation of node indices into r.
func ranks(order, r []int32) []int32 {
	for i, v := range order {
		r[v] = int32(i)
	}
	return r
}

// target checks an element before hashing and returns the node it refers
// to, or -1.
func (g *graph) target(el Element) (int32, error) {
	switch el.Kind {
	case Ref:
		w, ok := g.index[el.Target]
		if !ok {
			return -1, fmt.Errorf("reference to unknown type %q", el.Target)
		}
		if el.Primitive != "" {
			return -1, fmt.Errorf("reference to %s also names primitive %q", el.Target, el.Primitive)
		}
		return w, nil
	case Primitive, Any:
		if el.Target != "" {
			return -1, fmt.Errorf("%s type names target %q", el.Kind, el.Target)
		}
		return -1, nil
	}
	if err := known(typeKindNames, "type kind", uint8(el.Kind)); err != nil {
		return -1, err
	}
	return -1, fmt.Errorf("type kind %s cannot be given before hashing (give ref and the target's FQN)", el.Kind)
}

func (g *graph) successors(v int32) (first, end int32) { return g.off[v], g.off[v+1] }

// components returns the strongly connected components in the order
// Tarjan's algorithm emits them, leaves first, visiting start nodes and
// successors in raw FQN order: component i is members[ends[i-1]:ends[i]].
func (g *graph) components() (members, ends []int32) {
	n := len(g.nodes)
	index := g.sc.int32s(n) // visit number from 1; 0 = not yet visited
	low := g.sc.int32s(n)
	onStack := g.sc.flags(n)
	stack := g.sc.int32s(n)[:0]
	members = g.sc.int32s(n)[:0]
	next := int32(0)
	var visit func(v int32)
	visit = func(v int32) {
		next++
		index[v], low[v] = next, next
		stack = append(stack, v)
		onStack[v] = true
		first, end := g.successors(v)
		for _, w := range g.adj[first:end] {
			if index[w] == 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			members = append(members, w)
			if w == v {
				break
			}
		}
		ends = append(ends, int32(len(members)))
	}
	for _, v := range g.byRaw {
		if index[v] == 0 {
			visit(v)
		}
	}
	return members, ends
}

// compiler holds the state of one Compile. Canonical bytes of every type
// and of the contract are appended to one buffer and sliced out of it.
type compiler struct {
	g      *graph
	comp   []int32 // component of each node
	back   []bool  // whether edge adj[i] is a back edge
	seen   []bool  // visited by the back-edge search
	hashed []bool
	hashes []Hash
	// fields are the fields of every TypeDef, sliced per node, or, unless
	// keep, those of the one being hashed.
	fields []FieldDef
	// keep is whether each type's Def and Canonical are kept; defs then
	// holds the Defs, in hashing order.
	keep  bool
	defs  []TypeDef
	order []int32 // scratch: a node's field indices in canonical order
	types []HashedType
	enc   encoder
}

// hashTypes hashes the components leaves first; inside a component it
// finds the back edges from its start (smallest NFC FQN), then hashes the
// members in post-order of the tree edges.
func (c *compiler) hashTypes() error {
	members, ends := c.g.components()
	first := int32(0)
	for i, end := range ends {
		for _, v := range members[first:end] {
			c.comp[v] = int32(i)
		}
		first = end
	}
	first = 0
	for _, end := range ends {
		start := members[first]
		for _, v := range members[first:end] {
			if c.g.nfcRank[v] < c.g.nfcRank[start] {
				start = v
			}
		}
		c.markBackEdges(start)
		if err := c.hashPostOrder(start); err != nil {
			return err
		}
		first = end
	}
	return nil
}

// markBackEdges is a depth-first search over the edges inside v's
// component, successors in raw order: an edge to a node already visited
// is a back edge.
func (c *compiler) markBackEdges(v int32) {
	c.seen[v] = true
	first, end := c.g.successors(v)
	for i := first; i < end; i++ {
		w := c.g.adj[i]
		if c.comp[w] != c.comp[v] {
			continue
		}
		if c.seen[w] {
			c.back[i] = true
		} else {
			c.markBackEdges(w)
		}
	}
}

// hashPostOrder hashes the tree-edge children of v, in NFC order, then v.
func (c *compiler) hashPostOrder(v int32) error {
	var buf [8]int32
	kids := buf[:0]
	first, end := c.g.successors(v)
	for i := first; i < end; i++ {
		if w := c.g.adj[i]; c.comp[w] == c.comp[v] && !c.back[i] {
			kids = append(kids, w)
		}
	}
	slices.SortFunc(kids, func(a, b int32) int { return cmp.Compare(c.g.nfcRank[a], c.g.nfcRank[b]) })
	for _, w := range kids {
		if err := c.hashPostOrder(w); err != nil {
			return err
		}
	}
	return c.hashNode(v)
}

// isBack reports whether the edge v → w is a back edge.
func (c *compiler) isBack(v, w int32) bool {
	first, end := c.g.successors(v)
	for i := first; i < end; i++ {
		if c.g.adj[i] == w {
			return c.back[i]
		}
	}
	return false
}

// ref is the hash of w for a REF from v; w must already be hashed.
func (c *compiler) ref(v, w int32) ([]byte, error) {
	if !c.hashed[w] {
		return nil, fmt.Errorf("internal error: type %s refers to %s before it is hashed", c.g.fqns[v], c.g.fqns[w])
	}
	return c.hashes[w][:], nil
}

// hashNode builds the TypeDef of v, encodes and hashes it. A field whose
// target is a back edge of v is SELF_REF (a map key drops the name).
func (c *compiler) hashNode(v int32) error {
	g := c.g
	nd := g.nodes[v]
	fields := c.fields[:len(nd.Fields)]
	if c.keep {
		fields = c.fields[g.fieldOff[v]:g.fieldOff[v+1]:g.fieldOff[v+1]]
	}
	// Fill fields in canonical order: NFC order of name, ids from 1.
	order := c.order[:0]
	for i := range nd.Fields {
		order = append(order, int32(i))
	}
	slices.SortStableFunc(order, func(a, b int32) int { return nfcCompare(nd.Fields[a].Name, nd.Fields[b].Name) })
	c.order = order
	for j, i := range order {
		f := &nd.Fields[i]
		fd := &fields[j]
		*fd = FieldDef{
			ID:                    int32(j + 1),
			Name:                  f.Name,
			TypeKind:              f.Type.Kind,
			TypePrimitive:         f.Type.Primitive,
			Optional:              f.Optional,
			Container:             f.Container,
			ContainerKeyKind:      f.Key.Kind,
			ContainerKeyPrimitive: f.Key.Primitive,
			Required:              f.Required,
			DefaultValue:          f.DefaultValue,
		}
		fi := 2 * (g.fieldOff[v] + i)
		var err error
		if w := g.targets[fi]; w >= 0 {
			if c.isBack(v, w) {
				fd.TypeKind, fd.SelfRefName = SelfRef, g.fqns[w]
			} else if fd.TypeRef, err = c.ref(v, w); err != nil {
				return err
			}
		}
		if w := g.targets[fi+1]; w >= 0 {
			if c.isBack(v, w) {
				fd.ContainerKeyKind = SelfRef
			} else if fd.ContainerKeyRef, err = c.ref(v, w); err != nil {
				return err
			}
		}
	}
	def := TypeDef{
		Kind:          nd.Kind,
		Package:       nd.Package,
		Name:          nd.Name,
		Fields:        fields,
		EnumValues:    nd.EnumValues,
		UnionVariants: nd.UnionVariants,
	}
	start := len(c.enc.buf)
	c.enc.typeDef(&def)
	canon, err := c.written(start)
	if err != nil {
		return err
	}
	c.hashes[v] = blake3.Sum256(canon)
	c.hashed[v] = true
	h := HashedType{FQN: g.fqns[v], Hash: c.hashes[v]}
	if c.keep {
		h.Def, h.Canonical = &c.defs[len(c.types)], canon
		*h.Def = def
	} else {
		c.enc.buf = c.enc.buf[:start]
	}
	c.types = append(c.types, h)
	return nil
}

// written returns the bytes the shared encoder wrote since start.
func (c *compiler) written(start int) ([]byte, error) {
	if c.enc.err != nil {
		return nil, c.enc.err
	}
	end := len(c.enc.buf)
	return c.enc.buf[start:end:end], nil
}

// methodType is the hash of a method's request or response: a node's type
// hash, BLAKE3 of a primitive's name, or zero for none.
func (c *compiler) methodType(t MethodType) (Hash, error) {
	switch {
	case t.FQN != "" && t.Primitive != "":
		return Hash{}, fmt.Errorf("both type %s and primitive %q given", t.FQN, t.Primitive)
	case t.FQN != "":
		w, ok := c.g.index[t.FQN]
		if !ok {
			return Hash{}, fmt.Errorf("unknown type %q", t.FQN)
		}
		return c.hashes[w], nil
	case t.Primitive != "":
		h, ok := methodPrimitives[t.Primitive]
		if !ok {
			return Hash{}, fmt.Errorf("primitive %q cannot be a request or response (want int64, float64, string, bool or binary)", t.Primitive)
		}
		return h, nil
	}
	return Hash{}, nil
}

// service builds, encodes and hashes the ServiceContract.
func (c *compiler) service(svc *Service) (*Compiled, error) {
	methods := make([]MethodDef, len(svc.Methods))
	hashes := make([]Hash, 2*len(svc.Methods))
	for i := range svc.Methods {
		m := &svc.Methods[i]
		var err error
		if hashes[2*i], err = c.methodType(m.Request); err != nil {
			return nil, fmt.Errorf("method %q: request: %w", m.Name, err)
		}
		if hashes[2*i+1], err = c.methodType(m.Response); err != nil {
			return nil, fmt.Errorf("method %q: response: %w", m.Name, err)
		}
		methods[i] = MethodDef{
			Name:           m.Name,
			Pattern:        m.Pattern,
			RequestType:    hashes[2*i][:],
			ResponseType:   hashes[2*i+1][:],
			Idempotent:     m.Idempotent,
			DefaultTimeout: m.DefaultTimeout,
			Requires:       m.Requires,
		}
	}
	slices.SortStableFunc(methods, compareMethods)
	out := &Compiled{
		Contract: ServiceContract{
			Name:               svc.Name,
			Version:            svc.Version,
			Methods:            methods,
			SerializationModes: svc.SerializationModes,
			Scoped:             svc.Scoped,
			Requires:           svc.Requires,
			ProducerLanguage:   svc.ProducerLanguage,
		},
		Types: c.types,
	}
	start := len(c.enc.buf)
	c.enc.serviceContract(&out.Contract)
	var err error
	if out.Canonical, err = c.written(start); err != nil {
		return nil, err
	}
	out.ID = blake3.Sum256(out.Canonical)
	return out, nil
}
