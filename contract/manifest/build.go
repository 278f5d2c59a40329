package manifest

import (
	"encoding/hex"
	"slices"
	"strings"

	"github.com/asterkit/aster/contract"
)

// CanonicalEncoding is the manifest's canonical_encoding value.
const CanonicalEncoding = "fory-xlang/0.15"

// Build makes the manifest entry of a compiled contract: scoped is the
// scope string, methods the method descriptors (any order; they are
// sorted by name), pub the publication metadata. The service's
// description, tags and deprecation are always empty, as the reference
// writes them.
func Build(c *contract.Compiled, scoped string, methods []Method, pub Publication) Manifest {
	// The hex of every hash is written into one string, then sliced.
	const hexLen = 2 * len(contract.Hash{})
	all := make([]byte, 0, hexLen*len(c.Types))
	for _, t := range c.Types {
		all = hex.AppendEncode(all, t.Hash[:])
	}
	joined := string(all)
	hashes := make([]string, len(c.Types))
	for i := range hashes {
		hashes[i] = joined[i*hexLen : (i+1)*hexLen]
	}
	slices.Sort(hashes)
	sorted := slices.Clone(methods)
	slices.SortStableFunc(sorted, func(a, b Method) int { return strings.Compare(a.Name, b.Name) })
	modes := slices.Clone(c.Contract.SerializationModes)
	if len(modes) == 0 {
		modes = []string{"xlang"}
	}
	return Manifest{
		V:                  Version,
		Service:            c.Contract.Name,
		Version:            int64(c.Contract.Version),
		ContractID:         c.ID.String(),
		CanonicalEncoding:  CanonicalEncoding,
		TypeCount:          int64(len(c.Types)),
		TypeHashes:         hashes,
		MethodCount:        int64(len(sorted)),
		Methods:            sorted,
		SerializationModes: modes,
		ProducerLanguage:   c.Contract.ProducerLanguage,
		Scoped:             scoped,
		Description:        "",
		Tags:               []string{},
		Deprecated:         false,
		Semver:             pub.Semver,
		VCSRevision:        pub.VCSRevision,
		VCSTag:             pub.VCSTag,
		VCSURL:             pub.VCSURL,
		Changelog:          nil,
		PublishedBy:        "",
		PublishedAtEpochMS: pub.PublishedAtEpochMS,
	}
}
