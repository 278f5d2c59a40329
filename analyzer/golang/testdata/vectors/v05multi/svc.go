// Package v05multi declares both Notes versions of vectors/05_versions
// (manifest_multi.json) in one package. Both CreateNote structs carry the
// same wire tag, as in Python: a tag must be unique within one service only.
package v05multi

import "context"

//aster:wire_type vectors.notes/CreateNote
type CreateNote struct {
	Title string
	Body  string
}

//aster:wire_type vectors.notes/CreateNote
type CreateNoteV2 struct {
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

//aster:service name=Notes version=1
type NotesV1 interface {
	//aster:rpc
	Create(ctx context.Context, req *CreateNote) (*NoteRef, error)
}

//aster:service name=Notes version=2
type NotesV2 interface {
	//aster:rpc
	Create(ctx context.Context, req *CreateNoteV2) (*NoteRef, error)
	//aster:rpc idempotent
	Delete(ctx context.Context, req *NoteRef) (*DeleteAck, error)
}
