package python

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/python/pyparse"
	"github.com/asterkit/aster/internal/inputfile"
)

// dirCache holds each directory's listing, read once per loader (as
// CPython's path finders cache them): entry name → mode, symbolic links
// resolved; a missing or unreadable directory lists nothing.
type dirCache struct {
	mu   sync.Mutex
	dirs map[string]map[string]os.FileMode
}

func (d *dirCache) list(dir string) map[string]os.FileMode {
	d.mu.Lock()
	defer d.mu.Unlock()
	if m, ok := d.dirs[dir]; ok {
		return m
	}
	ents, _ := os.ReadDir(dir)
	m := make(map[string]os.FileMode, len(ents))
	for _, e := range ents {
		mode := e.Type()
		if mode&os.ModeSymlink != 0 {
			st, err := os.Stat(filepath.Join(dir, e.Name()))
			if err != nil {
				continue
			}
			mode = st.Mode().Type()
		}
		m[e.Name()] = mode
	}
	d.dirs[dir] = m
	return m
}

// isFile reports whether dir holds a regular file name.
func (d *dirCache) isFile(dir, name string) bool {
	mode, ok := d.list(dir)[name]
	return ok && mode.IsRegular()
}

// isDir reports whether dir holds a directory name.
func (d *dirCache) isDir(dir, name string) bool {
	mode, ok := d.list(dir)[name]
	return ok && mode.IsDir()
}

// parsedFile is one module file read and parsed, by whichever goroutine
// claims it first; the others wait for done.
type parsedFile struct {
	done chan struct{}
	f    *pyparse.File
	// ahead is set while a file a worker parsed waits to be taken.
	ahead bool
	// readErr and parseErr are the errors exec reports.
	readErr, parseErr error
}

// prefetcher reads and parses module files ahead of the analysis on up to
// GOMAXPROCS goroutines, at most maxAhead files ahead. Analysis stays
// sequential: exec takes a file's outcome, errors included, when it
// reaches the module, exactly as it would have read and parsed it itself.
type prefetcher struct {
	l       *Loader
	mu      sync.Mutex
	files   map[string]*parsedFile // by path
	seen    map[string]bool        // module names already queued
	queue   []string
	running int
	// pending counts the files parsed ahead and not yet taken.
	pending int
}

// maxAhead bounds the files parsed ahead and not yet taken, so parsing
// ahead does not raise peak memory.
const maxAhead = 32

func newPrefetcher(l *Loader) *prefetcher {
	return &prefetcher{l: l, files: map[string]*parsedFile{}, seen: map[string]bool{}}
}

// Prefetch starts reading and parsing, in the background, the modules of
// the given "module:Class" specs and, transitively, the modules they
// import at top level. Service then finds them parsed; results and errors
// are the same as without Prefetch.
func (l *Loader) Prefetch(specs ...string) {
	names := make([]string, 0, len(specs))
	for _, s := range specs {
		if i := strings.LastIndexByte(s, ':'); i >= 0 {
			s = s[:i]
		}
		names = append(names, s)
	}
	l.ahead.add(names)
}

// add queues module names and starts workers for them.
func (p *prefetcher) add(names []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, n := range names {
		if !p.seen[n] && !knownModules[n] {
			p.seen[n] = true
			p.queue = append(p.queue, n)
		}
	}
	p.spawn()
}

// spawn starts the workers there is work and room for; p.mu is held.
func (p *prefetcher) spawn() {
	for p.running < runtime.GOMAXPROCS(0) && p.running < len(p.queue) && p.pending < maxAhead {
		p.running++
		go p.work()
	}
}

// work parses queued modules until the queue is empty or enough files
// wait to be taken; take starts workers again.
func (p *prefetcher) work() {
	for {
		p.mu.Lock()
		if len(p.queue) == 0 || p.pending >= maxAhead {
			p.running--
			p.mu.Unlock()
			return
		}
		name := p.queue[0]
		p.queue = p.queue[1:]
		p.mu.Unlock()
		p.module(name)
	}
}

// module parses the files of a dotted module name and its parents, found
// as importModule finds them.
func (p *prefetcher) module(name string) {
	parts := strings.Split(name, ".")
	search := p.l.roots
	for i, part := range parts {
		full := strings.Join(parts[:i+1], ".")
		if part == "" || knownModules[full] {
			return
		}
		m := p.l.find(full, part, search)
		if m == nil || m.ext {
			return
		}
		if m.ns == nil { // not a namespace package
			if f := p.claim(m.path); f != nil {
				p.add(topImports(f))
			}
		}
		if !m.pkg {
			return
		}
		search = m.paths
	}
}

// claim parses path unless another goroutine already has; it returns the
// tree it parsed, or nil.
func (p *prefetcher) claim(path string) *pyparse.File {
	p.mu.Lock()
	if _, ok := p.files[path]; ok {
		p.mu.Unlock()
		return nil
	}
	pf := &parsedFile{done: make(chan struct{}), ahead: true}
	p.files[path] = pf
	p.pending++
	p.mu.Unlock()
	pf.parse(path)
	return pf.f
}

func (pf *parsedFile) parse(path string) {
	defer close(pf.done)
	var src string
	if src, pf.readErr = inputfile.ReadString(path, inputfile.Source); pf.readErr == nil {
		pf.f, pf.parseErr = pyparse.Parse(src)
	}
}

// take returns m's parsed file: the one parsed ahead, or parsed now. The
// modules it imports are queued for parsing ahead.
func (p *prefetcher) take(m *module) (*pyparse.File, error) {
	p.mu.Lock()
	pf, ok := p.files[m.path]
	if !ok {
		pf = &parsedFile{done: make(chan struct{})}
		p.files[m.path] = pf
	} else if pf.ahead {
		pf.ahead = false
		p.pending--
		p.spawn()
	}
	p.mu.Unlock()
	if ok {
		<-pf.done
	} else {
		pf.parse(m.path)
		if pf.f != nil {
			p.add(topImports(pf.f))
		}
	}
	return pf.f, fileError(m, pf)
}

// fileError words a read or parse error as the analysis reports it.
func fileError(m *module, pf *parsedFile) error {
	if pf.readErr != nil {
		return &analyzer.Error{File: m.file, Line: 1, Col: 1, Msg: "cannot read module: " + pf.readErr.Error(), Hint: "Check the file's permissions"}
	}
	var se *pyparse.SyntaxError
	if errors.As(pf.parseErr, &se) {
		return &analyzer.Error{File: m.file, Line: se.Line, Col: se.Col, Msg: "syntax error: " + se.Msg, Hint: "Fix the Python syntax (Python 3.11 grammar)"}
	}
	return pf.parseErr
}

// topImports returns the absolute module names a module's top-level
// import statements name.
func topImports(f *pyparse.File) []string {
	var out []string
	for _, st := range f.Root.Children() {
		switch st.Kind() {
		case "import_statement":
			for _, c := range st.ChildrenOf("name") {
				if c.Kind() == "aliased_import" {
					c = c.Child("name")
				}
				out = append(out, dotted(c))
			}
		case "import_from_statement":
			if mn := st.Child("module_name"); mn != nil && mn.Kind() == "dotted_name" {
				out = append(out, dotted(mn))
			}
		}
	}
	return out
}
