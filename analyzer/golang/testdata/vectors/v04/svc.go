// Package v04 is the Go twin of vectors/04_type_mapping.
package v04

import (
	"context"
	"time"
)

// Color is an enum: a defined basic type with typed constants.
type Color int

// The colors.
const (
	Red   Color = 1
	Green Color = 2
)

// Mood is a string enum.
type Mood string

// The moods.
const (
	Happy Mood = "happy"
	Sad   Mood = "sad"
)

//aster:wire_type vectors.types/Probe
type Probe struct {
	Color     Color
	Mood      Mood
	When      *time.Time
	Blob      []byte
	Anything  any
	RawList   []any `aster:"-"`
	RawListV  any   `aster:"raw_list"`
	RawMap    any
	MaybeList *[]int
	Small     int32
	Fixed     int64 `aster:",fixed"`
	Unsigned  uint16
	Single    float32
	IntKeys   map[int]string
}

//aster:wire_type vectors.types/ProbeResult
type ProbeResult struct {
	OK bool `json:"ok"`
}

//aster:service name=TypeProbe
type TypeProbeService interface {
	//aster:rpc
	Probe(ctx context.Context, req Probe) (ProbeResult, error)
}
