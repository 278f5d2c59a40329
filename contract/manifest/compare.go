package manifest

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"

	"github.com/asterkit/aster/internal/pyjson"
)

// Report is the outcome of comparing two manifest files (contract check
// and contract diff): per entry, the lines that explain what changed.
type Report struct {
	entries []entryReport
}

// entryReport is the header and detail lines of one difference.
type entryReport struct {
	lines []string
	// publication is set when only publication metadata differs.
	publication bool
	// idChanged is set when a contract id changed or an entry was added
	// or removed.
	idChanged bool
}

// Drift reports whether anything other than publication metadata differs
// (what contract check fails on).
func (r *Report) Drift() bool {
	for _, e := range r.entries {
		if !e.publication {
			return true
		}
	}
	return false
}

// IDsChanged reports whether the files do not hold the same services with
// the same contract ids (what makes contract diff exit 1).
func (r *Report) IDsChanged() bool {
	for _, e := range r.entries {
		if e.idChanged {
			return true
		}
	}
	return false
}

// Text is the report, one line per difference, each ending in a newline;
// "" when nothing is reported. Entries differing only in publication
// metadata are included only when publication is true.
func (r *Report) Text(publication bool) string {
	var b strings.Builder
	for _, e := range r.entries {
		if e.publication && !publication {
			continue
		}
		for _, l := range e.lines {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// publicationKeys are the entry keys that describe the publication, not
// the contract, in file order.
var publicationKeys = []string{"semver", "vcs_revision", "vcs_tag", "vcs_url", "published_at_epoch_ms"}

// publication is the entry's values of publicationKeys, as Object has
// them.
func (m *Manifest) publication() []any {
	return []any{optString(m.Semver), optString(m.VCSRevision), optString(m.VCSTag), optString(m.VCSURL), m.PublishedAtEpochMS}
}

// Compare compares the committed (old) and the regenerated or newer (new)
// manifest files. Entries are paired by service and version, then a lone
// unpaired entry on each side with the same service name is paired as a
// version change; the rest are added or removed. Values compare by JSON
// value and kind (30 differs from 30.0); member order does not matter.
func Compare(old, new File) *Report {
	r := &Report{}
	if old.isArray() != new.isArray() {
		r.entries = append(r.entries, entryReport{lines: []string{
			fmt.Sprintf("layout changed: %s -> %s (manifest only)", layoutName(old), layoutName(new))}})
	}
	pair := make([]int, len(new.Entries)) // index into old.Entries, or -1
	used := make([]bool, len(old.Entries))
	for i, n := range new.Entries {
		pair[i] = -1
		for j, o := range old.Entries {
			if !used[j] && o.Service == n.Service && o.Version == n.Version {
				pair[i], used[j] = j, true
				break
			}
		}
	}
	for i, n := range new.Entries {
		if pair[i] >= 0 {
			continue
		}
		var olds, news []int
		for j, o := range old.Entries {
			if !used[j] && o.Service == n.Service {
				olds = append(olds, j)
			}
		}
		for k, m := range new.Entries {
			if pair[k] < 0 && m.Service == n.Service {
				news = append(news, k)
			}
		}
		if len(olds) == 1 && len(news) == 1 {
			pair[i], used[olds[0]] = olds[0], true
		}
	}
	if line := reorderLine(old, new, pair); line != "" {
		r.entries = append(r.entries, entryReport{lines: []string{line}})
	}
	for i := range new.Entries {
		n := &new.Entries[i]
		if pair[i] < 0 {
			r.entries = append(r.entries, entryReport{idChanged: true, lines: []string{
				fmt.Sprintf("%s v%d: added (contract_id %s..., %d methods)", n.Service, n.Version, head16(n.ContractID), len(n.Methods))}})
			continue
		}
		if e, ok := compareEntries(&old.Entries[pair[i]], n); ok {
			r.entries = append(r.entries, e)
		}
	}
	for j := range old.Entries {
		if !used[j] {
			o := &old.Entries[j]
			r.entries = append(r.entries, entryReport{idChanged: true, lines: []string{
				fmt.Sprintf("%s v%d: removed", o.Service, o.Version)}})
		}
	}
	return r
}

func (f File) isArray() bool { return f.Array || len(f.Entries) != 1 }

func layoutName(f File) string {
	if f.isArray() {
		return "array"
	}
	return "object"
}

// reorderLine reports paired entries whose relative order changed.
func reorderLine(old, new File, pair []int) string {
	var before, after []string
	var order []int
	for i, j := range pair {
		if j >= 0 {
			order = append(order, j)
			after = append(after, fmt.Sprintf("%s v%d", new.Entries[i].Service, new.Entries[i].Version))
		}
	}
	if slices.IsSorted(order) {
		return ""
	}
	sorted := slices.Sorted(slices.Values(order))
	for _, j := range sorted {
		before = append(before, fmt.Sprintf("%s v%d", old.Entries[j].Service, old.Entries[j].Version))
	}
	return fmt.Sprintf("entries reordered: %s -> %s (manifest only)", strings.Join(before, ", "), strings.Join(after, ", "))
}

func head16(id string) string {
	if len(id) < 16 {
		return id
	}
	return id[:16]
}

// details collects the detail lines of one entry and whether one of them
// explains a contract id change.
type details struct {
	lines     []string
	explained bool
}

// add appends a line at indent; a line for a value that cannot change the
// contract id is marked "(manifest only)".
func (d *details) add(indent int, manifestOnly bool, format string, args ...any) {
	line := strings.Repeat(" ", indent) + fmt.Sprintf(format, args...)
	if manifestOnly {
		line += " (manifest only)"
	} else {
		d.explained = true
	}
	d.lines = append(d.lines, line)
}

// compareEntries compares two paired entries; ok is false when they are
// equal.
func compareEntries(o, n *Manifest) (entryReport, bool) {
	d := &details{}
	if !same(o.SerializationModes, n.SerializationModes) {
		d.add(2, false, "~ serialization_modes %s -> %s", show(stringList(o.SerializationModes)), show(stringList(n.SerializationModes)))
	}
	if o.Scoped != n.Scoped {
		d.add(2, false, "~ scoped %s -> %s", o.Scoped, n.Scoped)
	}
	if o.TypeCount != n.TypeCount {
		d.lines = append(d.lines, fmt.Sprintf("  ~ type_count %d -> %d", o.TypeCount, n.TypeCount))
	}
	added, removed := countChanges(o.TypeHashes, n.TypeHashes)
	if added+removed > 0 || !slices.Equal(o.TypeHashes, n.TypeHashes) {
		d.lines = append(d.lines, fmt.Sprintf("  ~ type_hashes +%d -%d", added, removed))
	}
	for _, k := range []struct {
		key          string
		old, new     any
		manifestOnly bool
	}{
		{"canonical_encoding", o.CanonicalEncoding, n.CanonicalEncoding, true},
		{"method_count", o.MethodCount, n.MethodCount, false},
		{"producer_language", o.ProducerLanguage, n.ProducerLanguage, false},
		{"description", o.Description, n.Description, true},
		{"tags", stringList(o.Tags), stringList(n.Tags), true},
		{"deprecated", o.Deprecated, n.Deprecated, true},
		{"changelog", o.Changelog, n.Changelog, true},
		{"published_by", o.PublishedBy, n.PublishedBy, true},
	} {
		// A method count that follows the methods is explained by them.
		if k.key == "method_count" && o.MethodCount == int64(len(o.Methods)) && n.MethodCount == int64(len(n.Methods)) {
			continue
		}
		if !same(k.old, k.new) {
			d.add(2, k.manifestOnly, "~ %s %s -> %s", k.key, show(k.old), show(k.new))
		}
	}
	compareMethods(d, o.Methods, n.Methods)

	idChanged := o.ContractID != n.ContractID
	header := fmt.Sprintf("%s v%d:", n.Service, n.Version)
	if o.Version != n.Version {
		header = fmt.Sprintf("%s v%d -> v%d:", n.Service, o.Version, n.Version)
		d.explained = true
	}
	switch {
	case idChanged:
		header += fmt.Sprintf(" contract_id changed %s... -> %s...", head16(o.ContractID), head16(n.ContractID))
		if !d.explained {
			d.lines = append(d.lines, fmt.Sprintf("  ~ a referenced type changed in a way the manifest does not describe (type hashes +%d -%d)", added, removed))
		}
	case len(d.lines) > 0 || o.Version != n.Version:
		header += " manifest only (contract_id unchanged)"
	default:
		op, np := o.publication(), n.publication()
		var keys []string
		for i, k := range publicationKeys {
			if !same(op[i], np[i]) {
				keys = append(keys, k)
			}
		}
		if len(keys) == 0 {
			return entryReport{}, false
		}
		return entryReport{publication: true, lines: []string{
			fmt.Sprintf("%s publication metadata only (%s)", header, strings.Join(keys, ", "))}}, true
	}
	return entryReport{idChanged: idChanged, lines: append([]string{header}, d.lines...)}, true
}

// countChanges counts the items added to and removed from a multiset.
func countChanges(old, new []string) (added, removed int) {
	count := map[string]int{}
	for _, s := range old {
		count[s]++
	}
	for _, s := range new {
		count[s]--
	}
	for _, c := range count {
		if c > 0 {
			removed += c
		} else {
			added -= c
		}
	}
	return added, removed
}

// pairByName pairs the items of two lists by name, each item at most
// once, first come first served: pair[i] is the index in new of old[i], or
// -1; added lists the unpaired indexes of new; common is the paired names
// in old order and in new order.
func pairByName(oldNames, newNames []string) (pair, added []int, commonOld, commonNew []string) {
	used := make([]bool, len(newNames))
	pair = make([]int, len(oldNames))
	for i, name := range oldNames {
		pair[i] = -1
		for j, n := range newNames {
			if !used[j] && n == name {
				pair[i], used[j] = j, true
				commonOld = append(commonOld, name)
				break
			}
		}
	}
	for j, name := range newNames {
		if used[j] {
			commonNew = append(commonNew, name)
		} else {
			added = append(added, j)
		}
	}
	return pair, added, commonOld, commonNew
}

// compareMethods writes the method lines: removed and changed methods in
// the old order, then added ones in the new order, then a reordering of
// the methods both sides have.
func compareMethods(d *details, old, new []Method) {
	names := func(list []Method) []string {
		out := make([]string, len(list))
		for i := range list {
			out[i] = list[i].Name
		}
		return out
	}
	pair, added, commonOld, commonNew := pairByName(names(old), names(new))
	for i, j := range pair {
		o := &old[i]
		if j < 0 {
			d.add(2, false, "- method %s (%s)", o.Name, o.Pattern)
			continue
		}
		md := &details{}
		compareMethod(md, o, &new[j])
		if len(md.lines) > 0 {
			d.lines = append(d.lines, fmt.Sprintf("  ~ method %s:", o.Name))
			d.lines = append(d.lines, md.lines...)
			d.explained = d.explained || md.explained
		}
	}
	for _, j := range added {
		n := &new[j]
		d.add(2, false, "+ method %s (%s): %s -> %s", n.Name, n.Pattern, n.RequestType, n.ResponseType)
	}
	if !slices.Equal(commonOld, commonNew) {
		d.add(2, true, "~ methods reordered: %s -> %s", strings.Join(commonOld, ", "), strings.Join(commonNew, ", "))
	}
}

func compareMethod(d *details, o, n *Method) {
	if o.Pattern != n.Pattern {
		d.add(4, false, "~ pattern %s -> %s", o.Pattern, n.Pattern)
	}
	if o.RequestType != n.RequestType || o.RequestWireTag != n.RequestWireTag {
		d.add(4, false, "~ request %s -> %s", typeWithTag(o.RequestType, o.RequestWireTag), typeWithTag(n.RequestType, n.RequestWireTag))
	}
	if o.ResponseType != n.ResponseType || o.ResponseWireTag != n.ResponseWireTag {
		d.add(4, false, "~ response %s -> %s", typeWithTag(o.ResponseType, o.ResponseWireTag), typeWithTag(n.ResponseType, n.ResponseWireTag))
	}
	if !same(o.Timeout, n.Timeout) {
		d.add(4, numericallyEqual(o.Timeout, n.Timeout), "~ timeout %s -> %s", show(o.Timeout), show(n.Timeout))
	}
	if o.Idempotent != n.Idempotent {
		d.add(4, false, "~ idempotent %t -> %t", o.Idempotent, n.Idempotent)
	}
	if o.RequestStyle != n.RequestStyle {
		d.add(4, false, "~ request_style %s -> %s", o.RequestStyle, n.RequestStyle)
	}
	if o.Description != n.Description {
		d.add(4, true, "~ description %s -> %s", show(o.Description), show(n.Description))
	}
	if !slices.Equal(o.Tags, n.Tags) {
		d.add(4, true, "~ tags %s -> %s", show(stringList(o.Tags)), show(stringList(n.Tags)))
	}
	if o.Deprecated != n.Deprecated {
		d.add(4, true, "~ deprecated %t -> %t", o.Deprecated, n.Deprecated)
	}
	compareFields(d, "request fields:", o.Fields, n.Fields)
	compareFields(d, "response fields:", o.ResponseFields, n.ResponseFields)
	compareFields(d, "inline params:", o.InlineParams, n.InlineParams)
}

func typeWithTag(name, tag string) string {
	if tag == "" {
		return name
	}
	return name + " [" + tag + "]"
}

// numericallyEqual reports whether two numbers have the same value (so
// that only their JSON kind differs, as 30 and 30.0).
func numericallyEqual(a, b any) bool {
	fa, ok1 := asFloat(a)
	fb, ok2 := asFloat(b)
	return ok1 && ok2 && fa == fb
}

func asFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// typeKeys are the field keys its type string describes.
var typeKeys = []string{"kind", "nullable", "ref_name", "item_kind", "item_ref", "item_nullable",
	"key_kind", "value_kind", "value_ref", "value_nullable"}

// compareFields writes one list's field lines under header: removed and
// changed fields in the old order, then added ones in the new order, then
// a reordering of the fields both sides have.
func compareFields(d *details, header string, old, new []Field) {
	names := func(list []Field) []string {
		out := make([]string, len(list))
		for i := range list {
			out[i] = list[i].Name
		}
		return out
	}
	fd := &details{}
	pair, added, commonOld, commonNew := pairByName(names(old), names(new))
	for i, j := range pair {
		if j < 0 {
			fd.add(6, false, "- %s: %s", old[i].Name, TypeString(&old[i]))
		} else {
			compareField(fd, &old[i], &new[j])
		}
	}
	for _, j := range added {
		fd.add(6, false, "+ %s: %s", new[j].Name, TypeString(&new[j]))
	}
	if !slices.Equal(commonOld, commonNew) {
		fd.add(6, true, "~ fields reordered: %s -> %s", strings.Join(commonOld, ", "), strings.Join(commonNew, ", "))
	}
	if len(fd.lines) > 0 {
		d.lines = append(d.lines, "    "+header)
		d.lines = append(d.lines, fd.lines...)
		d.explained = d.explained || fd.explained
	}
}

func compareField(d *details, o, n *Field) {
	oo, no := o.Object(), n.Object()
	differs := func(key string) (ov, nv any, diff bool) {
		ov, _ = oo.Get(key)
		nv, _ = no.Get(key)
		return ov, nv, !same(ov, nv)
	}
	if ot, nt := TypeString(o), TypeString(n); ot != nt {
		d.add(6, false, "~ %s: %s -> %s", n.Name, ot, nt)
	} else {
		for _, k := range typeKeys {
			if ov, nv, diff := differs(k); diff {
				d.add(6, false, "~ %s: %s %s -> %s", n.Name, k, showOpt(ov), showOpt(nv))
			}
		}
	}
	if ov, nv, diff := differs("wire_tag"); diff {
		d.add(6, false, "~ %s: wire tag %s -> %s", n.Name, showOpt(ov), showOpt(nv))
	}
	if ov, nv, diff := differs("item_wire_tag"); diff {
		d.add(6, false, "~ %s: item wire tag %s -> %s", n.Name, showOpt(ov), showOpt(nv))
	}
	if ov, nv, diff := differs("enum_values"); diff {
		d.add(6, false, "~ %s: enum values %s -> %s", n.Name, showOpt(ov), showOpt(nv))
	}
	if o.DefaultKind != n.DefaultKind || !same(o.DefaultValue, n.DefaultValue) {
		d.add(6, true, "~ %s: default %s -> %s", n.Name, defaultText(o), defaultText(n))
	}
	if o.Required != n.Required {
		d.add(6, true, "~ %s: required %t -> %t", n.Name, o.Required, n.Required)
	}
	if o.Description != n.Description {
		d.add(6, true, "~ %s: description changed", n.Name)
	}
	if !slices.Equal(o.Tags, n.Tags) {
		d.add(6, true, "~ %s: tags %s -> %s", n.Name, show(stringList(o.Tags)), show(stringList(n.Tags)))
	}
	if ov, nv, diff := differs("properties"); diff {
		d.add(6, true, "~ %s: properties %s -> %s", n.Name, show(ov), show(nv))
	}
}

// defaultText is a field's default for the report: the JSON value for
// default_kind "value", else the kind ("none", "empty_list", …), followed
// by the value when it is not null.
func defaultText(f *Field) string {
	switch {
	case f.DefaultKind == "value":
		return show(f.DefaultValue)
	case f.DefaultValue != nil:
		return f.DefaultKind + " " + show(f.DefaultValue)
	}
	return f.DefaultKind
}

// showOpt is show for a value that may be absent (nil from Object.Get).
func showOpt(v any) string {
	if v == nil {
		return "null"
	}
	return show(v)
}

// TypeString is a field's type for reports: the kind, "ref Name" or
// "enum Name", "list<ITEM>" or "map<KEY, VALUE>", with "?" after a
// nullable field, item or value.
func TypeString(f *Field) string {
	s := elementType(f.Kind, f.RefName, nil)
	switch f.Kind {
	case "list":
		if f.ItemKind != nil {
			s = "list<" + elementType(*f.ItemKind, f.ItemRef, f.ItemNullable) + ">"
		}
	case "map":
		if f.KeyKind != nil && f.ValueKind != nil {
			s = "map<" + *f.KeyKind + ", " + elementType(*f.ValueKind, f.ValueRef, f.ValueNullable) + ">"
		}
	}
	if f.Nullable {
		s += "?"
	}
	return s
}

// elementType is one kind, named when it is a ref or an enum.
func elementType(kind string, ref *string, nullable *bool) string {
	s := kind
	if (kind == "ref" || kind == "enum") && ref != nil && *ref != "" {
		s += " " + *ref
	}
	if nullable != nil && *nullable {
		s += "?"
	}
	return s
}

// same reports whether two JSON values are equal in value and kind,
// member order aside: whether they encode to the same JSON with sorted
// keys. Identical values are settled without encoding them.
func same(a, b any) bool {
	if identical(a, b) {
		return true
	}
	ta, errA := pyjson.Marshal(a, pyjson.Options{Indent: -1, SortKeys: true})
	tb, errB := pyjson.Marshal(b, pyjson.Options{Indent: -1, SortKeys: true})
	return errA == nil && errB == nil && string(ta) == string(tb)
}

// identical reports whether two JSON values have the same representation:
// the same kinds, the same float bits, the same members in the same order.
// Identical values encode to the same JSON; values of kinds other than
// those Parse produces are never identical, so that same encodes them.
func identical(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case int64:
		y, ok := b.(int64)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && math.Float64bits(x) == math.Float64bits(y)
	case string:
		y, ok := b.(string)
		return ok && x == y
	case *big.Int:
		y, ok := b.(*big.Int)
		return ok && x != nil && y != nil && x.Cmp(y) == 0
	case []any:
		y, ok := b.([]any)
		return ok && slices.EqualFunc(x, y, identical)
	case pyjson.Object:
		y, ok := b.(pyjson.Object)
		return ok && slices.EqualFunc(x, y, func(m, n pyjson.Member) bool {
			return m.Key == n.Key && identical(m.Value, n.Value)
		})
	}
	return false
}
