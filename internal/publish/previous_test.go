package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/testenv"
)

const entry = `{"service": "A", "vcs_revision": "abc", "vcs_tag": null, "vcs_url": "https://h/r", "published_at_epoch_ms": 1767225600000}`

func TestPreviousObject(t *testing.T) {
	prev, ok := Previous([]byte(entry), 1, false)
	if !ok || len(prev) != 1 {
		t.Fatalf("Previous = %v, %v; want one entry", prev, ok)
	}
	p := prev[0]
	if p.PublishedAtEpochMS != 1767225600000 || p.VCSRevision == nil || *p.VCSRevision != "abc" ||
		p.VCSTag != nil || p.VCSURL == nil || *p.VCSURL != "https://h/r" {
		t.Fatalf("Previous read %+v", p)
	}
}

func TestPreviousArray(t *testing.T) {
	data := `[` + entry + `, {"published_at_epoch_ms": 5, "vcs_revision": null, "vcs_tag": "v1", "vcs_url": null}]`
	prev, ok := Previous([]byte(data), 2, true)
	if !ok || len(prev) != 2 || prev[1].PublishedAtEpochMS != 5 || *prev[1].VCSTag != "v1" {
		t.Fatalf("Previous = %+v, %v", prev, ok)
	}
}

func TestPreviousRejects(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		n     int
		array bool
	}{
		{"not JSON", `{`, 1, false},
		{"object where an array is written", entry, 1, true},
		{"array where an object is written", `[` + entry + `]`, 1, false},
		{"array of another length", `[` + entry + `]`, 2, true},
		{"entry not an object", `[1]`, 1, true},
		{"float time", `{"published_at_epoch_ms": 1.0}`, 1, false},
		{"missing time", `{"vcs_revision": null}`, 1, false},
		{"number as revision", `{"published_at_epoch_ms": 1, "vcs_revision": 3}`, 1, false},
		{"list as url", `{"published_at_epoch_ms": 1, "vcs_url": []}`, 1, false},
		{"scalar file", `3`, 1, false},
	}
	for _, tt := range tests {
		if prev, ok := Previous([]byte(tt.data), tt.n, tt.array); ok {
			t.Errorf("%s: Previous accepted it: %+v", tt.name, prev)
		}
	}
}

// TestStable keeps an existing manifest whose only differences are
// publication metadata, and replaces it otherwise.
func TestStable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testenv.Vectors(t), "01_unary_basic", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	old, err := manifest.Parse("manifest.json", data)
	if err != nil {
		t.Fatal(err)
	}
	rev := "0123abcd"
	fresh := old
	fresh.Entries = append([]manifest.Manifest(nil), old.Entries...)
	fresh.Entries[0].PublishedAtEpochMS++
	fresh.Entries[0].VCSRevision = &rev

	if _, same := Stable(fresh, data); !same {
		t.Fatal("metadata-only change: want the file kept")
	}

	fresh.Entries[0].Version++
	text, same := Stable(fresh, data)
	if same {
		t.Fatal("changed entry: want fresh text")
	}
	var written bytes.Buffer
	if _, err := text.WriteTo(&written); err != nil {
		t.Fatal(err)
	}
	got, err := text.Bytes()
	if err != nil || !bytes.Equal(written.Bytes(), got) || bytes.Equal(got, data) || !bytes.Contains(got, []byte(rev)) {
		t.Fatalf("changed entry: want the fresh text with the new metadata, the same written as joined (%v)", err)
	}

	if _, same := Stable(old, nil); same {
		t.Fatal("no existing file: want fresh text")
	}
}
