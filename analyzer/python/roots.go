package python

import "path/filepath"

// shown lists search locations as the user knows them: the current
// directory as "." and the built-in source root as "./src".
func (l *Loader) shown(search []root) []string {
	out := make([]string, len(search))
	for i, r := range search {
		switch {
		case r.display == "":
			out[i] = "."
		case r == l.roots[len(l.roots)-1]:
			out[i] = "." + string(filepath.Separator) + r.display
		default:
			out[i] = r.display
		}
	}
	return out
}
