// Package tomltext writes TOML values the way aster's files spell them and
// recovers the key order of a TOML document, which decoding into maps loses.
package tomltext

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Entry is one key of a table with its decoded value, kept for rewriting.
type Entry struct {
	Key   string
	Value any
}

// KeyOrder records, for every table of a TOML document, the order in which
// its keys first appear. Tables are identified by TableID.
func KeyOrder(data []byte) map[string][]string {
	order := map[string][]string{}
	seen := map[string]bool{}
	add := func(table, key string) {
		if id := TableID(table, key); !seen[id] {
			seen[id] = true
			order[table] = append(order[table], key)
		}
	}
	arrays := map[string]int{} // array of tables → elements so far
	current := ""
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		keys := keyParts(e)
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			id := ""
			for i, k := range keys {
				add(id, k)
				id = TableID(id, k)
				if i == len(keys)-1 && e.Kind == unstable.ArrayTable {
					arrays[id]++
					id = ElementID(id, arrays[id]-1)
				} else if n, ok := arrays[id]; ok {
					id = ElementID(id, n-1)
				}
			}
			current = id
		case unstable.KeyValue:
			id := current
			for _, k := range keys {
				add(id, k)
				id = TableID(id, k)
			}
		}
	}
	return order
}

// keyParts returns the dotted key of a table header or key/value.
func keyParts(e *unstable.Node) []string {
	if e.Kind != unstable.Table && e.Kind != unstable.ArrayTable && e.Kind != unstable.KeyValue {
		return nil
	}
	var keys []string
	it := e.Key()
	for it.Next() {
		keys = append(keys, string(it.Node().Data))
	}
	return keys
}

// TableID names the table key of table parent.
func TableID(parent, key string) string { return parent + "\x00" + key }

// ElementID names element i of an array of tables.
func ElementID(array string, i int) string { return array + "\x00#" + strconv.Itoa(i) }

// Ordered returns the entries of m in document order (keys unknown to the
// order, which cannot happen for parsed documents, follow sorted).
func Ordered(m map[string]any, order []string) []Entry {
	var out []Entry
	done := map[string]bool{}
	for _, k := range order {
		if v, ok := m[k]; ok && !done[k] {
			out = append(out, Entry{Key: k, Value: v})
			done[k] = true
		}
	}
	var rest []string
	for k := range m {
		if !done[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		out = append(out, Entry{Key: k, Value: m[k]})
	}
	return out
}

// bareKey reports whether k can be written without quotes.
func bareKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// FormatKey writes a key bare when possible, else as a basic string.
func FormatKey(k string) string {
	if bareKey(k) {
		return k
	}
	return FormatString(k)
}

// FormatString writes a TOML basic string. Only '\', '"', the control
// characters and DEL are escaped; everything else stays raw UTF-8.
func FormatString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// FormatValue writes a decoded TOML value in TOML syntax; tables become
// inline tables with sorted keys.
func FormatValue(v any) string {
	switch v := v.(type) {
	case string:
		return FormatString(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case bool:
		return strconv.FormatBool(v)
	case float64:
		switch {
		case math.IsInf(v, 1):
			return "inf"
		case math.IsInf(v, -1):
			return "-inf"
		case math.IsNaN(v):
			return "nan"
		}
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		return s
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case toml.LocalDate, toml.LocalTime, toml.LocalDateTime:
		return fmt.Sprint(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = FormatValue(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		if len(v) == 0 {
			return "{}"
		}
		parts := make([]string, 0, len(v))
		for _, e := range Ordered(v, nil) {
			parts = append(parts, FormatKey(e.Key)+" = "+FormatValue(e.Value))
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	default:
		return FormatString(fmt.Sprint(v))
	}
}

// TypeName names a decoded TOML value's type as the TOML specification does.
func TypeName(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	case []any:
		return "array"
	case map[string]any:
		return "table"
	case time.Time:
		return "offset date-time"
	case toml.LocalDateTime:
		return "local date-time"
	case toml.LocalDate:
		return "local date"
	case toml.LocalTime:
		return "local time"
	}
	return fmt.Sprintf("%T", v)
}
