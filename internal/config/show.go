package config

import (
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/asterkit/aster/internal/pyjson"
)

// section is one block of the printed configuration.
type section struct {
	name string
	rows []row
}

// row is one printed value: a string, or a bool for boolean fields.
type row struct {
	name   string
	value  any
	source string
}

// sections lists the values `config show` prints, after masking and
// placeholders, in the reference's order.
func (c *Config) sections() []section {
	src := func(name string) string {
		if s, ok := c.Sources[name]; ok {
			return s
		}
		return SourceDefault
	}
	r := func(name string, value any) row { return row{name, value, src(name)} }
	rootPubkey := "<not set>"
	if c.RootPubkey != nil {
		rootPubkey = hex.EncodeToString(c.RootPubkey)
	}
	return []section{
		{"trust", []row{
			r("root_pubkey", rootPubkey),
			r("root_pubkey_file", orPlaceholder(c.RootPubkeyFile, "<not set>")),
			r("enrollment_credential_file", mask12(c.EnrollmentCredentialFile)),
			r("enrollment_credential_iid", mask12(c.EnrollmentCredentialIID)),
			r("allow_all_consumers", c.AllowAllConsumers),
			r("allow_all_producers", c.AllowAllProducers),
		}},
		{"connect", []row{
			r("endpoint_addr", orPlaceholder(c.EndpointAddr, "<not set>")),
		}},
		{"network", []row{
			r("secret_key", maskHex(c.SecretKey)),
			r("relay_mode", orPlaceholder(c.RelayMode, "<default>")),
			r("bind_addr", orPlaceholder(c.BindAddr, "<any>")),
			r("enable_monitoring", c.EnableMonitoring),
			r("enable_hooks", c.EnableHooks),
		}},
		{"storage", []row{
			// The value lives under "storage_path" but the row looks up
			// "path", which no layer records: its source is always default.
			r("path", orPlaceholder(c.StoragePath, "<in-memory>")),
		}},
	}
}

// Text is the configuration as print_config() prints it.
func (c *Config) Text() string {
	var b strings.Builder
	for _, s := range c.sections() {
		fmt.Fprintf(&b, "  [%s]\n", s.name)
		for _, r := range s.rows {
			value, ok := r.value.(string)
			if !ok {
				value = pyBool(r.value.(bool))
			}
			fmt.Fprintf(&b, "    %s: %s (%s)\n", pad(r.name, 28), pad(value, 36), r.source)
		}
	}
	return b.String()
}

// pad left-aligns s in width code points; longer text is kept whole.
func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// orPlaceholder is *s, or placeholder when s is unset or empty.
func orPlaceholder(s *string, placeholder string) string {
	if s == nil || *s == "" {
		return placeholder
	}
	return *s
}

// mask12 hides all but the last 12 code points of a secret string.
func mask12(s *string) string {
	if s == nil {
		return "<not set>"
	}
	runes := []rune(*s)
	if len(runes) > 12 {
		return "****..." + string(runes[len(runes)-12:])
	}
	return "****"
}

// maskHex hides all but the last 8 hex digits of secret bytes.
func maskHex(b []byte) string {
	if b == nil {
		return "<not set>"
	}
	h := hex.EncodeToString(b)
	if len(h) > 8 {
		return "****..." + h[len(h)-8:]
	}
	return "****"
}

// JSON is the configuration as print_config(json=True) prints it: the same
// rows, booleans as JSON booleans, two-space indentation, ASCII only, and a
// final newline.
func (c *Config) JSON() ([]byte, error) {
	doc := pyjson.Object{}
	for _, s := range c.sections() {
		rows := pyjson.Object{}
		for _, r := range s.rows {
			rows = append(rows, pyjson.Member{Key: r.name, Value: pyjson.Object{
				{Key: "value", Value: r.value},
				{Key: "source", Value: r.source},
			}})
		}
		doc = append(doc, pyjson.Member{Key: s.name, Value: rows})
	}
	out, err := pyjson.Marshal(doc, pyjson.Options{Indent: 2, ASCII: true})
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
