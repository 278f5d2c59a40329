// Package v06reordered is the Go twin of vectors/06_renamed_field/svc_reordered.py.
package v06reordered

import "context"

//aster:wire_type vectors.notes/CreateNote
type CreateNote struct {
	Body  string
	Title string
}

//aster:wire_type vectors.notes/NoteRef
type NoteRef struct {
	NoteID string
}

// Notes keeps notes.
//
//aster:service version=1
type Notes interface {
	//aster:rpc
	Create(ctx context.Context, req *CreateNote) (*NoteRef, error)
}
