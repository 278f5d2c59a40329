// Package hidden is internal to shared.
package hidden

// H is a wire struct only shared can import.
//
//aster:wire_type shared/H
type H struct {
	N int
}
