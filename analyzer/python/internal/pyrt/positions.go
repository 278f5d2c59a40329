package pyrt

// positionOf returns the position of name in names, looked up in index
// when there is one (positions(names)), else by scanning; -1 if absent.
func positionOf(names []string, index map[string]int, name string) int {
	if index != nil {
		if i, ok := index[name]; ok {
			return i
		}
		return -1
	}
	for i, k := range names {
		if k == name {
			return i
		}
	}
	return -1
}

// positions maps each of names to its position.
func positions(names []string) map[string]int {
	index := make(map[string]int, len(names))
	for i, k := range names {
		index[k] = i
	}
	return index
}
