// Package v05v2 is the Go twin of vectors/05_versions/svc_notes_v2.py.
package v05v2

import "context"

//aster:wire_type vectors.notes/CreateNote
type CreateNote struct {
	Title string
	Body  string
	Tags  []string
}

//aster:wire_type vectors.notes/NoteRef
type NoteRef struct {
	NoteID string
}

//aster:wire_type vectors.notes/DeleteAck
type DeleteAck struct {
	Deleted bool
}

//aster:service name=Notes version=2
type Notes interface {
	//aster:rpc
	Create(ctx context.Context, req *CreateNote) (*NoteRef, error)
	//aster:rpc idempotent
	Delete(ctx context.Context, req *NoteRef) (*DeleteAck, error)
}
