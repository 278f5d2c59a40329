// Package v05v1 is the Go twin of vectors/05_versions/svc_notes_v1.py.
package v05v1

import "context"

//aster:wire_type vectors.notes/CreateNote
type CreateNote struct {
	Title string
	Body  string
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
