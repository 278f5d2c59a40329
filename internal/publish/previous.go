package publish

import (
	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/pyjson"
)

// Previous reads the publication metadata of each entry of an existing
// manifest file, so that a regeneration that changes nothing else can
// keep the file as it is. ok is false unless data has the shape about to
// be written — one object (array false, n 1) or an array of n objects —
// and every entry's published_at_epoch_ms is an integer and its
// vcs_revision, vcs_tag and vcs_url are strings or null. The arrays and
// objects inside entries are passed over unread (pyjson.UnmarshalShallow):
// Stable keeps the file only when it is, byte for byte, what it writes.
func Previous(data []byte, n int, array bool) (prev []Metadata, ok bool) {
	depth := 1 // the entry's own members
	if array {
		depth = 2
	}
	v, err := pyjson.UnmarshalShallow(data, depth)
	if err != nil {
		return nil, false
	}
	var entries []any
	switch v := v.(type) {
	case pyjson.Object:
		if array || n != 1 {
			return nil, false
		}
		entries = []any{v}
	case []any:
		if !array || len(v) != n {
			return nil, false
		}
		entries = v
	default:
		return nil, false
	}
	prev = make([]Metadata, len(entries))
	for i, e := range entries {
		obj, isObj := e.(pyjson.Object)
		if !isObj {
			return nil, false
		}
		at, _ := obj.Get("published_at_epoch_ms")
		ms, isInt := at.(int64)
		if !isInt {
			return nil, false
		}
		prev[i].PublishedAtEpochMS = ms
		for _, s := range []struct {
			key string
			dst **string
		}{
			{"vcs_revision", &prev[i].VCSRevision},
			{"vcs_tag", &prev[i].VCSTag},
			{"vcs_url", &prev[i].VCSURL},
		} {
			switch v, _ := obj.Get(s.key); v := v.(type) {
			case nil:
			case string:
				*s.dst = &v
			default:
				return nil, false
			}
		}
	}
	return prev, true
}

// Stable tells whether the existing manifest old is to be kept as it is
// (docs/formats.md "The manifest"): when file, with the publication
// metadata of old in place of its own, serialises to exactly old, it
// returns true, so that a regeneration that changes nothing else leaves
// the file as it is, and no text. Otherwise it returns false and file's
// text. old is nil when there is no existing file.
func Stable(file manifest.File, old []byte) (manifest.Text, bool) {
	if prev, ok := Previous(old, len(file.Entries), file.Array); ok {
		kept := manifest.File{Entries: make([]manifest.Manifest, len(file.Entries)), Array: file.Array}
		for i, e := range file.Entries {
			e.PublishedAtEpochMS = prev[i].PublishedAtEpochMS
			e.VCSRevision, e.VCSTag, e.VCSURL = prev[i].VCSRevision, prev[i].VCSTag, prev[i].VCSURL
			kept.Entries[i] = e
		}
		if same, err := manifest.TextOf(kept).Equal(old); err == nil && same {
			return manifest.Text{}, true
		}
	}
	return manifest.TextOf(file), false
}
