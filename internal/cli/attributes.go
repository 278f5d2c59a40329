package cli

import (
	"fmt"
	"strings"

	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/internal/trust"
)

// parseAttributes reads an --attributes value, the same way for trust sign
// and enroll node: a JSON object of strings ('{"k":"v"}'), or key=value
// pairs separated by commas ("k=v,k2=v2", blanks around keys and values
// dropped). A repeated key keeps its first position and takes the last
// value.
func parseAttributes(text string) (trust.Attributes, error) {
	if t := strings.TrimSpace(text); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
		attrs, err := parseAttributesJSON(t)
		if err != nil {
			return nil, Failf("invalid --attributes JSON: %v", err).WithHint(`Pass a JSON object of strings, e.g. '{"aster.role":"ops.status"}', or pairs: aster.role=ops.status,team=a`)
		}
		return attrs, nil
	}
	var out trust.Attributes
	for _, piece := range strings.Split(text, ",") {
		piece = strings.TrimSpace(piece)
		if piece == "" {
			continue
		}
		k, v, ok := strings.Cut(piece, "=")
		if k = strings.TrimSpace(k); !ok || k == "" {
			return nil, Usagef("--attributes expects key=value pairs separated by commas, got '%s'", piece).
				WithHint(`For example: --attributes aster.role=ops.status,team=a (or a JSON object: '{"team":"a"}')`)
		}
		out.Set(k, strings.TrimSpace(v))
	}
	return out, nil
}

// parseAttributesJSON reads a JSON object whose values are all strings, in
// the order of the text.
func parseAttributesJSON(text string) (trust.Attributes, error) {
	v, err := pyjson.Unmarshal([]byte(text))
	if err != nil {
		return nil, err
	}
	obj, ok := v.(pyjson.Object)
	if !ok {
		return nil, fmt.Errorf("not a JSON object")
	}
	var attrs trust.Attributes
	for _, m := range obj {
		s, ok := m.Value.(string)
		if !ok {
			return nil, fmt.Errorf("the value of %s is not a string", pyjson.StrRepr(m.Key))
		}
		attrs.Set(m.Key, s)
	}
	return attrs, nil
}

// addAttrFlags applies the repeatable --attr KEY=VALUE flags, which come
// after --attributes.
func addAttrFlags(attrs *trust.Attributes, flags []string) error {
	for _, a := range flags {
		k, v, ok := strings.Cut(a, "=")
		if !ok || k == "" {
			return Usagef("--attr expects KEY=VALUE, got '%s'", a).WithHint("For example: --attr aster.role=ops.status")
		}
		attrs.Set(k, v)
	}
	return nil
}
