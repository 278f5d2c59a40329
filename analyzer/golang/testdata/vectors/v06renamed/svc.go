// Package v06renamed is the Go twin of vectors/06_renamed_field/svc_renamed.py.
package v06renamed

import "context"

//aster:wire_type vectors.notes/CreateNote
type CreateNote struct {
	Content string
	Title   string
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
