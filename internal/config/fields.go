package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/internal/tomltext"
)

// kind is how a field's value is parsed from each layer.
type kind int

const (
	kindHex       kind = iota // bytes from hex; empty text is set
	kindString                // string; empty environment text stays ""
	kindOptString             // string; empty environment text is unset
	kindBase64                // bytes from base64; empty environment text is unset
	kindBool                  // boolean
	kindInt                   // integer
	kindLower                 // lower-cased string
)

// field is one configuration value and where each layer keeps it.
type field struct {
	name    string // field name; the key of Config.Sources
	env     string // environment variable
	section string // TOML section; "" when the file cannot set it
	key     string // key in the TOML section
	kind    kind
	ptr     func(*Config) any // the Config field, of the type kind gives
}

// fields lists every configuration value in the order layers are applied.
var fields = []field{
	{"root_pubkey", "ASTER_ROOT_PUBKEY", "trust", "root_pubkey", kindHex, func(c *Config) any { return &c.RootPubkey }},
	{"root_pubkey_file", "ASTER_ROOT_PUBKEY_FILE", "trust", "root_pubkey_file", kindString, func(c *Config) any { return &c.RootPubkeyFile }},
	{"enrollment_credential_file", "ASTER_ENROLLMENT_CREDENTIAL", "trust", "enrollment_credential", kindString, func(c *Config) any { return &c.EnrollmentCredentialFile }},
	{"enrollment_credential_iid", "ASTER_ENROLLMENT_CREDENTIAL_IID", "trust", "enrollment_credential_iid", kindString, func(c *Config) any { return &c.EnrollmentCredentialIID }},
	{"allow_all_consumers", "ASTER_ALLOW_ALL_CONSUMERS", "trust", "allow_all_consumers", kindBool, func(c *Config) any { return &c.AllowAllConsumers }},
	{"allow_all_producers", "ASTER_ALLOW_ALL_PRODUCERS", "trust", "allow_all_producers", kindBool, func(c *Config) any { return &c.AllowAllProducers }},
	{"endpoint_addr", "ASTER_ENDPOINT_ADDR", "connect", "endpoint_addr", kindString, func(c *Config) any { return &c.EndpointAddr }},
	{"storage_path", "ASTER_STORAGE_PATH", "storage", "path", kindOptString, func(c *Config) any { return &c.StoragePath }},
	{"secret_key", "ASTER_SECRET_KEY", "network", "secret_key", kindBase64, func(c *Config) any { return &c.SecretKey }},
	{"relay_mode", "ASTER_RELAY_MODE", "network", "relay_mode", kindOptString, func(c *Config) any { return &c.RelayMode }},
	{"bind_addr", "ASTER_BIND_ADDR", "network", "bind_addr", kindOptString, func(c *Config) any { return &c.BindAddr }},
	{"enable_monitoring", "ASTER_ENABLE_MONITORING", "network", "enable_monitoring", kindBool, func(c *Config) any { return &c.EnableMonitoring }},
	{"enable_hooks", "ASTER_ENABLE_HOOKS", "network", "enable_hooks", kindBool, func(c *Config) any { return &c.EnableHooks }},
	{"hook_timeout_ms", "ASTER_HOOK_TIMEOUT_MS", "network", "hook_timeout_ms", kindInt, func(c *Config) any { return &c.HookTimeoutMS }},
	{"clear_ip_transports", "ASTER_CLEAR_IP_TRANSPORTS", "network", "clear_ip_transports", kindBool, func(c *Config) any { return &c.ClearIPTransports }},
	{"clear_relay_transports", "ASTER_CLEAR_RELAY_TRANSPORTS", "network", "clear_relay_transports", kindBool, func(c *Config) any { return &c.ClearRelayTransports }},
	{"portmapper_config", "ASTER_PORTMAPPER_CONFIG", "network", "portmapper_config", kindOptString, func(c *Config) any { return &c.PortmapperConfig }},
	{"proxy_url", "ASTER_PROXY_URL", "network", "proxy_url", kindOptString, func(c *Config) any { return &c.ProxyURL }},
	{"proxy_from_env", "ASTER_PROXY_FROM_ENV", "network", "proxy_from_env", kindBool, func(c *Config) any { return &c.ProxyFromEnv }},
	{"local_discovery", "ASTER_LOCAL_DISCOVERY", "network", "local_discovery", kindBool, func(c *Config) any { return &c.LocalDiscovery }},
	{"log_format", "ASTER_LOG_FORMAT", "logging", "format", kindLower, func(c *Config) any { return &c.LogFormat }},
	{"log_level", "ASTER_LOG_LEVEL", "logging", "level", kindLower, func(c *Config) any { return &c.LogLevel }},
	{"log_mask", "ASTER_LOG_MASK", "logging", "mask", kindBool, func(c *Config) any { return &c.LogMask }},
	{"identity_file", "ASTER_IDENTITY_FILE", "", "", kindString, func(c *Config) any { return &c.IdentityFile }},
}

// Hints for the values each kind rejects.
const (
	hintHex    = "Give the key as hex digits, two per byte."
	hintBase64 = "Give the 32-byte key in standard base64 with = padding."
	hintBool   = "Use one of 1, true, yes, on or 0, false, no, off."
	hintInt    = "Give a whole number of milliseconds, e.g. 5000."
	hintString = "Write the value as a quoted string."
)

// fromEnv parses an environment variable's raw text for f.
func (c *Config) fromEnv(f field, raw string) (any, error) {
	switch f.kind {
	case kindHex:
		return c.decodeBytes(f.kind, raw, f.env)
	case kindString:
		s := trim(raw)
		return &s, nil
	case kindOptString:
		return optional(trim(raw)), nil
	case kindBase64:
		t := trim(raw)
		if t == "" {
			return []byte(nil), nil
		}
		return c.decodeBytes(f.kind, t, f.env)
	case kindBool:
		v, ok := parseBool(raw)
		if !ok {
			return nil, &Error{Msg: fmt.Sprintf("%s: expected true/false/1/0, got %s", f.env, pyjson.OSStrRepr(raw)), Hint: hintBool}
		}
		return v, nil
	case kindInt:
		n, err := parseInt(raw)
		if err == errRange {
			return nil, &Error{Msg: fmt.Sprintf("%s: out of range, got %s", f.env, pyjson.OSStrRepr(raw)), Hint: hintInt}
		}
		if err != nil {
			return nil, &Error{Msg: fmt.Sprintf("%s: must be an integer, got %s", f.env, pyjson.OSStrRepr(raw)), Hint: hintInt}
		}
		return n, nil
	case kindLower:
		return strings.ToLower(trim(raw)), nil
	}
	panic("config: unknown kind")
}

// fromTOML converts a decoded TOML value for f; where names the file,
// section and key in messages.
func (c *Config) fromTOML(f field, v any, where string) (any, error) {
	switch f.kind {
	case kindHex, kindBase64:
		s, ok := v.(string)
		if !ok {
			return nil, &Error{Msg: fmt.Sprintf("%s: expected a string, got %s", where, tomltext.TypeName(v)), Hint: hintString}
		}
		return c.decodeBytes(f.kind, s, where)
	case kindString, kindOptString, kindLower:
		var s string
		switch t := v.(type) {
		case string:
			s = t
		case int64:
			s = strconv.FormatInt(t, 10)
		case bool:
			s = pyBool(t)
		default:
			return nil, &Error{Msg: fmt.Sprintf("%s: expected a string, got %s", where, tomltext.TypeName(v)), Hint: hintString}
		}
		if f.kind == kindLower {
			return strings.ToLower(s), nil
		}
		return &s, nil
	case kindBool:
		if b, ok := v.(bool); ok {
			return b, nil
		}
		b := truthy(v)
		got := fmt.Sprintf("%s: expected a boolean, got %s %s", where, tomltext.TypeName(v), tomltext.FormatValue(v))
		if err := c.warn(fmt.Sprintf("%s; taken as %s, as the Aster runtime reads it", got, pyBool(b)), got,
			"Write true or false without quotes"); err != nil {
			return nil, err
		}
		return b, nil
	case kindInt:
		return tomlInt(v, where)
	}
	panic("config: unknown kind")
}

// decodeBytes decodes the text of a kindHex or kindBase64 field and warns
// about an unexpected length; where names the value in messages.
func (c *Config) decodeBytes(k kind, text, where string) (any, error) {
	decode, problem, hint := decodeHex, "not valid hex", hintHex
	if k == kindBase64 {
		decode, problem, hint = decodeBase64, "not valid base64", hintBase64
	}
	b, ok := decode(text)
	if !ok {
		return nil, &Error{Msg: where + ": " + problem, Hint: hint}
	}
	if err := c.warnLength(where, b); err != nil {
		return nil, err
	}
	return b, nil
}

// tomlInt converts a TOML value to an integer: floats truncated toward
// zero, booleans as 1/0, strings parsed like the environment.
func tomlInt(v any, where string) (any, error) {
	bad := &Error{Msg: where + ": not an integer", Hint: hintInt}
	switch t := v.(type) {
	case int64:
		return t, nil
	case float64:
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return nil, bad
		}
		t = math.Trunc(t)
		if t < math.MinInt64 || t >= math.MaxInt64 {
			return nil, &Error{Msg: where + ": out of range", Hint: hintInt}
		}
		return int64(t), nil
	case bool:
		if t {
			return int64(1), nil
		}
		return int64(0), nil
	case string:
		n, err := parseInt(t)
		if err == errRange {
			return nil, &Error{Msg: where + ": out of range", Hint: hintInt}
		}
		if err != nil {
			return nil, bad
		}
		return n, nil
	}
	return nil, bad
}

// optional is s, or nil when s is empty.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// pyBool spells a boolean as Python prints it.
func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// truthy is Python's bool() of a decoded TOML value.
func truthy(v any) bool {
	switch t := v.(type) {
	case int64:
		return t != 0
	case float64:
		return t != 0
	case string:
		return t != ""
	case []any:
		return len(t) > 0
	case map[string]any:
		return len(t) > 0
	}
	return true // dates and times
}
