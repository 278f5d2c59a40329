package manifest

import (
	"fmt"
	"testing"
)

// benchEntries is the number of entries of the generated manifest, as
// many as the services of the analyzer's benchmark corpus.
const benchEntries = 1000

// largeManifest is a manifest file of benchEntries entries: the entries of
// the vector manifests over and over, each under a service name of its own.
func largeManifest(b *testing.B) []byte {
	var entries []Manifest
	for _, path := range vectorManifests(b) {
		f, err := Read(path)
		if err != nil {
			b.Fatal(err)
		}
		entries = append(entries, f.Entries...)
	}
	file := File{Array: true}
	for i := range benchEntries {
		m := entries[i%len(entries)]
		m.Service = fmt.Sprintf("%s%04d", m.Service, i)
		file.Entries = append(file.Entries, m)
	}
	data, err := TextOf(file).Bytes()
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkParse times reading a large manifest file, as contract check
// and contract diff read the committed one.
func BenchmarkParse(b *testing.B) {
	data := largeManifest(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("manifest.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompare times comparing a large manifest with an equal one
// read separately: the common case of contract check, where nothing has
// drifted and every value is compared.
func BenchmarkCompare(b *testing.B) {
	data := largeManifest(b)
	old, err := Parse("old.json", data)
	if err != nil {
		b.Fatal(err)
	}
	new, err := Parse("new.json", data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if r := Compare(old, new); r.Drift() {
			b.Fatalf("equal manifests differ:\n%s", r.Text(true))
		}
	}
}

// BenchmarkMarshal times writing a large manifest file, as contract gen
// and aster-gen write it.
func BenchmarkMarshal(b *testing.B) {
	file, err := Parse("manifest.json", largeManifest(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		data, err := TextOf(file).Bytes()
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(data)))
	}
}
