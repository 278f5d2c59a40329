package manifest

import (
	"runtime"

	"github.com/asterkit/aster/contract"
)

// Builder makes the entries of a manifest file from services handed to
// it one at a time: it compiles and builds each in the background, so
// that the caller goes on analysing the next service, and gives the
// entries back in the order the services came.
type Builder struct {
	pub     Publication
	pending []*pendingEntry
	// slots bounds the services compiled at once.
	slots chan struct{}
}

type pendingEntry struct {
	done  chan struct{}
	entry Manifest
	err   error
}

// CompileError is a service whose contract does not compile.
type CompileError struct {
	Service string
	Err     error
}

func (e *CompileError) Error() string { return "service " + e.Service + ": " + e.Err.Error() }

func (e *CompileError) Unwrap() error { return e.Err }

// NewBuilder returns a Builder of entries with the publication metadata
// pub.
func NewBuilder(pub Publication) *Builder {
	return &Builder{pub: pub, slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// Add hands over a service: its contract, its scope string and its
// method descriptors, none of which may change afterwards.
func (b *Builder) Add(svc *contract.Service, scoped string, methods []Method) {
	p := &pendingEntry{done: make(chan struct{})}
	b.pending = append(b.pending, p)
	b.slots <- struct{}{}
	go func() {
		defer func() { <-b.slots; close(p.done) }()
		c, err := contract.CompileIDs(svc)
		if err != nil {
			p.err = &CompileError{Service: serviceName(svc), Err: err}
			return
		}
		p.entry = Build(c, scoped, methods, b.pub)
	}()
}

// Entries waits for every service added and returns their entries in
// order, or the error of the first (in that order) whose contract does
// not compile.
func (b *Builder) Entries() ([]Manifest, error) {
	entries := make([]Manifest, 0, len(b.pending))
	var first error
	for _, p := range b.pending {
		<-p.done
		if p.err != nil && first == nil {
			first = p.err
		}
		entries = append(entries, p.entry)
	}
	if first != nil {
		return nil, first
	}
	return entries, nil
}

// serviceName is svc's name, "" for no service.
func serviceName(svc *contract.Service) string {
	if svc == nil {
		return ""
	}
	return svc.Name
}
