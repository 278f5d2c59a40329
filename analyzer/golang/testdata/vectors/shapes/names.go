package shapes

// Package-level names that the generated files would import under: they
// import those packages under other names.
var (
	json, fmt, parser, token, build, strings = 1, 2, 3, 4, 5, 6
	testing, slices, ast, filepath           = 7, 8, 9, 10
	astertoken, time                         = 11, 12
)
