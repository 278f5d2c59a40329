// Package analyzer holds what the Python and Go front ends share: the result
// of analysing one service and the positioned error they report.
package analyzer

import (
	"fmt"

	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/contract/manifest"
)

// Result is one analysed service: the model to hash and the manifest's
// descriptive values.
type Result struct {
	// Service is the service and its whole type graph, ready for
	// contract.Compile.
	Service *contract.Service
	// Scoped is the manifest's "scoped" string ("shared", "session", …).
	Scoped string
	// Methods are the manifest method descriptors, in any order.
	Methods []manifest.Method
}

// Error is an analysis failure at a source position: something that feeds
// the contract could not be determined. Line and Col are 1-based; Col
// counts code points. Line 0 means the whole of File (a directory, say),
// which is then printed without a position.
type Error struct {
	File string
	Line int
	Col  int
	// Msg says what is wrong.
	Msg string
	// Hint says what to do; it may be empty.
	Hint string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}
