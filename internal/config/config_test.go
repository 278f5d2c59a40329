package config

import (
	"bytes"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/asterkit/aster/internal/testenv"
)

// envOf is a LookupEnv over a fixed set of variables.
func envOf(vars map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}

// vectorSections splits print_config.txt into its "=== title ===" blocks.
func vectorSections(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	title := ""
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "=== ") && strings.HasSuffix(line, " ===") {
			title = line
			continue
		}
		out[title] += line + "\n"
	}
	return out
}

// TestVector resolves the 23_aster_config vector the way it was produced:
// in the folder holding aster.toml, with three ASTER_* variables set.
func TestVector(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "23_aster_config")
	want := vectorSections(t, filepath.Join(dir, "print_config.txt"))
	t.Chdir(dir)

	c, err := Resolve(Options{File: "aster.toml", LookupEnv: envOf(map[string]string{
		"ASTER_BIND_ADDR":           "127.0.0.1:7777",
		"ASTER_ALLOW_ALL_CONSUMERS": "yes",
		"ASTER_SECRET_KEY":          "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
	})})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings) != 0 {
		t.Errorf("warnings: %q", c.Warnings)
	}
	if got := c.Text(); got != want["=== print_config() ==="] {
		t.Errorf("text:\n%s\nwant:\n%s", got, want["=== print_config() ==="])
	}
	js, err := c.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if string(js) != want["=== print_config(json=True) ==="] {
		t.Errorf("json:\n%s\nwant:\n%s", js, want["=== print_config(json=True) ==="])
	}
	// Fields the printer does not show still come from the file.
	if c.LogFormat != "json" || c.LogLevel != "debug" || c.Sources["log_format"] != "aster.toml [logging]" {
		t.Errorf("logging: format %q level %q source %q", c.LogFormat, c.LogLevel, c.Sources["log_format"])
	}

	d, err := Resolve(Options{LookupEnv: envOf(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Text(); got != want["=== from_env() with no env ==="] {
		t.Errorf("defaults:\n%s\nwant:\n%s", got, want["=== from_env() with no env ==="])
	}
}

func TestDefaults(t *testing.T) {
	c, err := Resolve(Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{AllowAllProducers: true, HookTimeoutMS: 5000, LogFormat: "text", LogLevel: "info",
		LogMask: true, Sources: map[string]string{}}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("defaults = %+v, want %+v", c, want)
	}
}

func ptr(s string) *string { return &s }

// key32 is the 32 bytes 00…1f.
var key32 = func() []byte {
	b := make([]byte, 32)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}()

// rowOf finds the printed row for a display name.
func rowOf(c *Config, name string) (row, bool) {
	for _, s := range c.sections() {
		for _, r := range s.rows {
			if r.name == name {
				return r, true
			}
		}
	}
	return row{}, false
}

// TestEveryEnvVar sets each variable alone and checks the value, its
// source and, for the printed fields, the row.
func TestEveryEnvVar(t *testing.T) {
	cases := []struct {
		env   string
		raw   string
		want  any // the Config field's value
		shown any // the printed value; nil when the field is not printed
	}{
		{"ASTER_ROOT_PUBKEY", " 0A0b ", []byte{0x0a, 0x0b}, "0a0b"},
		{"ASTER_ROOT_PUBKEY_FILE", " /keys/root.pub ", ptr("/keys/root.pub"), "/keys/root.pub"},
		{"ASTER_ENROLLMENT_CREDENTIAL", "/etc/aster/credential.json", ptr("/etc/aster/credential.json"), "****...dential.json"},
		{"ASTER_ENROLLMENT_CREDENTIAL_IID", "iid-token-value-123", ptr("iid-token-value-123"), "****...en-value-123"},
		{"ASTER_ALLOW_ALL_CONSUMERS", "Yes", true, true},
		{"ASTER_ALLOW_ALL_PRODUCERS", "off", false, false},
		{"ASTER_ENDPOINT_ADDR", "3d40", ptr("3d40"), "3d40"},
		{"ASTER_STORAGE_PATH", "/data/aster", ptr("/data/aster"), "/data/aster"},
		{"ASTER_SECRET_KEY", base64.StdEncoding.EncodeToString(key32), key32, "****...1c1d1e1f"},
		{"ASTER_RELAY_MODE", "Disabled", ptr("Disabled"), "Disabled"},
		{"ASTER_BIND_ADDR", "0.0.0.0:9100", ptr("0.0.0.0:9100"), "0.0.0.0:9100"},
		{"ASTER_ENABLE_MONITORING", "1", true, true},
		{"ASTER_ENABLE_HOOKS", "TRUE", true, true},
		{"ASTER_HOOK_TIMEOUT_MS", "250", int64(250), nil},
		{"ASTER_CLEAR_IP_TRANSPORTS", "on", true, nil},
		{"ASTER_CLEAR_RELAY_TRANSPORTS", "yes", true, nil},
		{"ASTER_PORTMAPPER_CONFIG", "disabled", ptr("disabled"), nil},
		{"ASTER_PROXY_URL", "http://proxy:3128", ptr("http://proxy:3128"), nil},
		{"ASTER_PROXY_FROM_ENV", "true", true, nil},
		{"ASTER_LOCAL_DISCOVERY", "1", true, nil},
		{"ASTER_LOG_FORMAT", " JSON ", "json", nil},
		{"ASTER_LOG_LEVEL", "DEBUG", "debug", nil},
		{"ASTER_LOG_MASK", "no", false, nil},
		{"ASTER_IDENTITY_FILE", " ./node.aster-identity", ptr("./node.aster-identity"), nil},
	}
	tested := map[string]bool{}
	for _, tc := range cases {
		tested[tc.env] = true
		f := fieldByEnv(t, tc.env)
		c, err := Resolve(Options{LookupEnv: envOf(map[string]string{tc.env: tc.raw})})
		if err != nil {
			t.Errorf("%s=%q: %v", tc.env, tc.raw, err)
			continue
		}
		if got := reflect.ValueOf(f.ptr(c)).Elem().Interface(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s=%q: %s = %#v, want %#v", tc.env, tc.raw, f.name, got, tc.want)
		}
		if !reflect.DeepEqual(c.Sources, map[string]string{f.name: tc.env}) {
			t.Errorf("%s=%q: sources %v", tc.env, tc.raw, c.Sources)
		}
		display := f.name
		if f.name == "storage_path" {
			display = "path"
		}
		r, shown := rowOf(c, display)
		if shown != (tc.shown != nil) {
			t.Errorf("%s: printed %v, want %v", f.name, shown, tc.shown != nil)
			continue
		}
		wantSource := tc.env
		if display == "path" {
			wantSource = SourceDefault // the storage row never finds its source
		}
		if shown && (r.value != tc.shown || r.source != wantSource) {
			t.Errorf("%s=%q: row %q (%s), want %q (%s)", tc.env, tc.raw, r.value, r.source, tc.shown, wantSource)
		}
	}
	for _, f := range fields {
		if !tested[f.env] {
			t.Errorf("no test sets %s", f.env)
		}
	}
}

func fieldByEnv(t *testing.T, env string) field {
	t.Helper()
	for _, f := range fields {
		if f.env == env {
			return f
		}
	}
	t.Fatalf("no field reads %s", env)
	return field{}
}

// TestEmptyEnv sets each variable to "": present, so it is the source,
// with the value each kind gives empty text.
func TestEmptyEnv(t *testing.T) {
	for _, f := range fields {
		c, err := Resolve(Options{LookupEnv: envOf(map[string]string{f.env: "  "})})
		switch f.kind {
		case kindBool:
			if err == nil || err.Error() != f.env+": expected true/false/1/0, got '  '" {
				t.Errorf("%s empty: error %v", f.env, err)
			}
			continue
		case kindInt:
			if err == nil || err.Error() != f.env+": must be an integer, got '  '" {
				t.Errorf("%s empty: error %v", f.env, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s empty: %v", f.env, err)
			continue
		}
		var want any
		switch f.kind {
		case kindHex:
			want = []byte{}
		case kindString:
			want = ptr("")
		case kindOptString:
			want = (*string)(nil)
		case kindBase64:
			want = []byte(nil)
		case kindLower:
			want = ""
		}
		if got := reflect.ValueOf(f.ptr(c)).Elem().Interface(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s empty: %#v, want %#v", f.env, got, want)
		}
		if c.Sources[f.name] != f.env {
			t.Errorf("%s empty: source %q", f.env, c.Sources[f.name])
		}
	}
}

// TestEmptyEnvRows checks what the printer shows for empty variables.
func TestEmptyEnvRows(t *testing.T) {
	vars := map[string]string{}
	for _, v := range []string{"ASTER_ROOT_PUBKEY", "ASTER_ROOT_PUBKEY_FILE", "ASTER_ENROLLMENT_CREDENTIAL",
		"ASTER_ENROLLMENT_CREDENTIAL_IID", "ASTER_ENDPOINT_ADDR", "ASTER_SECRET_KEY", "ASTER_RELAY_MODE",
		"ASTER_BIND_ADDR", "ASTER_STORAGE_PATH"} {
		vars[v] = ""
	}
	c, err := Resolve(Options{LookupEnv: envOf(vars)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"root_pubkey":                {"", "ASTER_ROOT_PUBKEY"},
		"root_pubkey_file":           {"<not set>", "ASTER_ROOT_PUBKEY_FILE"},
		"enrollment_credential_file": {"****", "ASTER_ENROLLMENT_CREDENTIAL"},
		"enrollment_credential_iid":  {"****", "ASTER_ENROLLMENT_CREDENTIAL_IID"},
		"endpoint_addr":              {"<not set>", "ASTER_ENDPOINT_ADDR"},
		"secret_key":                 {"<not set>", "ASTER_SECRET_KEY"},
		"relay_mode":                 {"<default>", "ASTER_RELAY_MODE"},
		"bind_addr":                  {"<any>", "ASTER_BIND_ADDR"},
		"path":                       {"<in-memory>", SourceDefault},
	}
	for name, w := range want {
		r, _ := rowOf(c, name)
		if r.value != w[0] || r.source != w[1] {
			t.Errorf("%s: %q (%s), want %q (%s)", name, r.value, r.source, w[0], w[1])
		}
	}
	if !strings.Contains(c.Text(), "    root_pubkey                 :                                      (ASTER_ROOT_PUBKEY)\n") {
		t.Errorf("empty root_pubkey row:\n%s", c.Text())
	}
}

// resolveTOML writes text to c.toml in a fresh directory and resolves it
// with the given environment.
func resolveTOML(t *testing.T, text string, vars map[string]string) (*Config, error) {
	t.Helper()
	t.Chdir(t.TempDir())
	if err := os.WriteFile("c.toml", []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return Resolve(Options{File: "c.toml", LookupEnv: envOf(vars)})
}

func TestTOMLValues(t *testing.T) {
	cases := []struct {
		toml    string
		field   string
		want    any
		warning string
	}{
		{"[trust]\nroot_pubkey = \" 0A 0b \"", "root_pubkey", []byte{0x0a, 0x0b}, "c.toml [trust] root_pubkey: decoded to 2 bytes, expected 32"},
		{"[trust]\nroot_pubkey = \"\"", "root_pubkey", []byte{}, "c.toml [trust] root_pubkey: decoded to 0 bytes, expected 32"},
		{"[trust]\nroot_pubkey_file = \"\"", "root_pubkey_file", ptr(""), ""},
		{"[trust]\nenrollment_credential = \" x \"", "enrollment_credential_file", ptr(" x "), ""},
		{"[trust]\nenrollment_credential_iid = 12", "enrollment_credential_iid", ptr("12"), ""},
		{"[connect]\nendpoint_addr = true", "endpoint_addr", ptr("True"), ""},
		{"[connect]\nendpoint_addr = -3", "endpoint_addr", ptr("-3"), ""},
		{"[storage]\npath = \"\"", "storage_path", ptr(""), ""},
		{"[network]\nsecret_key = \"\"", "secret_key", []byte{}, "c.toml [network] secret_key: decoded to 0 bytes, expected 32"},
		{"[network]\nsecret_key = \"" + base64.StdEncoding.EncodeToString(key32) + "\"", "secret_key", key32, ""},
		{"[network]\nrelay_mode = false", "relay_mode", ptr("False"), ""},
		{"[network]\nportmapper_config = \"upnp\"", "portmapper_config", ptr("upnp"), ""},
		{"[network]\nproxy_url = \"\"", "proxy_url", ptr(""), ""},
		{"[trust]\nallow_all_producers = true", "allow_all_producers", true, ""},
		{"[trust]\nallow_all_producers = \"false\"", "allow_all_producers", true, "c.toml [trust] allow_all_producers: expected a boolean, got string \"false\"; taken as True, as the Aster runtime reads it"},
		{"[trust]\nallow_all_consumers = \"\"", "allow_all_consumers", false, "c.toml [trust] allow_all_consumers: expected a boolean, got string \"\"; taken as False, as the Aster runtime reads it"},
		{"[network]\nenable_monitoring = 1", "enable_monitoring", true, "c.toml [network] enable_monitoring: expected a boolean, got integer 1; taken as True, as the Aster runtime reads it"},
		{"[network]\nenable_hooks = 0.0", "enable_hooks", false, "c.toml [network] enable_hooks: expected a boolean, got float 0.0; taken as False, as the Aster runtime reads it"},
		{"[network]\nclear_ip_transports = []", "clear_ip_transports", false, "c.toml [network] clear_ip_transports: expected a boolean, got array []; taken as False, as the Aster runtime reads it"},
		{"[network]\nclear_relay_transports = [0]", "clear_relay_transports", true, "c.toml [network] clear_relay_transports: expected a boolean, got array [0]; taken as True, as the Aster runtime reads it"},
		{"[network]\nproxy_from_env = {}", "proxy_from_env", false, "c.toml [network] proxy_from_env: expected a boolean, got table {}; taken as False, as the Aster runtime reads it"},
		{"[network]\nlocal_discovery = 2026-01-01", "local_discovery", true, "c.toml [network] local_discovery: expected a boolean, got local date 2026-01-01; taken as True, as the Aster runtime reads it"},
		{"[logging]\nmask = false", "log_mask", false, ""},
		{"[network]\nhook_timeout_ms = 100", "hook_timeout_ms", int64(100), ""},
		{"[network]\nhook_timeout_ms = 2.9", "hook_timeout_ms", int64(2), ""},
		{"[network]\nhook_timeout_ms = -2.9", "hook_timeout_ms", int64(-2), ""},
		{"[network]\nhook_timeout_ms = true", "hook_timeout_ms", int64(1), ""},
		{"[network]\nhook_timeout_ms = \" 1_500 \"", "hook_timeout_ms", int64(1500), ""},
		{"[logging]\nformat = \"JSON\"", "log_format", "json", ""},
		{"[logging]\nlevel = true", "log_level", "true", ""},
		{"[logging]\nlevel = \"\"", "log_level", "", ""},
	}
	for _, tc := range cases {
		c, err := resolveTOML(t, tc.toml, nil)
		if err != nil {
			t.Errorf("%q: %v", tc.toml, err)
			continue
		}
		var f field
		for _, g := range fields {
			if g.name == tc.field {
				f = g
			}
		}
		if got := reflect.ValueOf(f.ptr(c)).Elem().Interface(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: %s = %#v, want %#v", tc.toml, tc.field, got, tc.want)
		}
		section := strings.TrimPrefix(strings.SplitN(tc.toml, "]", 2)[0], "[")
		if !reflect.DeepEqual(c.Sources, map[string]string{tc.field: "c.toml [" + section + "]"}) {
			t.Errorf("%q: sources %v", tc.toml, c.Sources)
		}
		var warnings []string
		if tc.warning != "" {
			warnings = []string{tc.warning}
		}
		if got := messages(c.Warnings); !reflect.DeepEqual(got, warnings) {
			t.Errorf("%q: warnings %q, want %q", tc.toml, got, warnings)
		}
	}
}

func TestTOMLIgnored(t *testing.T) {
	c, err := resolveTOML(t, "top = 1\n[other]\nx = [1.5]\n[trust]\nunknown = 2.5\nidentity_file = \"x\"\nenrollment_credential_file = \"y\"\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sources) != 0 {
		t.Errorf("sources %v", c.Sources)
	}
}

func TestPrecedence(t *testing.T) {
	text := "[trust]\nallow_all_producers = true\nallow_all_consumers = true\n[network]\nbind_addr = \"0.0.0.0:1\"\nsecret_key = \"\"\n[storage]\npath = \"/srv\"\n"
	c, err := resolveTOML(t, text, map[string]string{"ASTER_ALLOW_ALL_CONSUMERS": "0", "ASTER_BIND_ADDR": ""})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]any{
		"allow_all_producers": {true, "c.toml [trust]"}, // equal to the default, still from the file
		"allow_all_consumers": {false, "ASTER_ALLOW_ALL_CONSUMERS"},
		"bind_addr":           {"<any>", "ASTER_BIND_ADDR"}, // present and empty wins
		"secret_key":          {"****", "c.toml [network]"},
		"path":                {"/srv", SourceDefault},
		"enable_hooks":        {false, SourceDefault},
	}
	for name, w := range want {
		r, _ := rowOf(c, name)
		if r.value != w[0] || r.source != w[1] {
			t.Errorf("%s: %v (%s), want %v (%s)", name, r.value, r.source, w[0], w[1])
		}
	}
}

func TestHomeExpansion(t *testing.T) {
	home := t.TempDir()
	if err := os.WriteFile(filepath.Join(home, "a.toml"), []byte("[network]\nrelay_mode = \"x\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Resolve(Options{File: "~/a.toml", Home: home})
	if err != nil {
		t.Fatal(err)
	}
	if c.Sources["relay_mode"] != "~/a.toml [network]" {
		t.Errorf("source %q", c.Sources["relay_mode"])
	}
}

func TestErrors(t *testing.T) {
	envCases := map[string][2]string{
		"ASTER_ENABLE_MONITORING": {"enabled", `ASTER_ENABLE_MONITORING: expected true/false/1/0, got 'enabled'`},
		"ASTER_LOG_MASK":          {"it's", `ASTER_LOG_MASK: expected true/false/1/0, got "it's"`},
		"ASTER_PROXY_FROM_ENV":    {" y\n", `ASTER_PROXY_FROM_ENV: expected true/false/1/0, got ' y\n'`},
		"ASTER_HOOK_TIMEOUT_MS":   {"1.5", `ASTER_HOOK_TIMEOUT_MS: must be an integer, got '1.5'`},
		"ASTER_LOCAL_DISCOVERY":   {"\xed\xa0\x80\xff", `ASTER_LOCAL_DISCOVERY: expected true/false/1/0, got '\udced\udca0\udc80\udcff'`},
		"ASTER_ROOT_PUBKEY":       {"0g", `ASTER_ROOT_PUBKEY: not valid hex`},
		"ASTER_SECRET_KEY":        {"AAE", `ASTER_SECRET_KEY: not valid base64`},
	}
	for v, tc := range envCases {
		_, err := Resolve(Options{LookupEnv: envOf(map[string]string{v: tc[0]})})
		e, ok := err.(*Error)
		if !ok || e.Msg != tc[1] || e.Hint == "" {
			t.Errorf("%s=%q: error %#v, want %q with a hint", v, tc[0], err, tc[1])
		}
	}
	_, err := Resolve(Options{LookupEnv: envOf(map[string]string{"ASTER_HOOK_TIMEOUT_MS": "99999999999999999999"})})
	if err == nil || err.Error() != "ASTER_HOOK_TIMEOUT_MS: out of range, got '99999999999999999999'" {
		t.Errorf("overflow: %v", err)
	}

	fileCases := map[string]string{
		"[trust]\nx = = 1\n":                           "c.toml: invalid TOML: line 2, column 5: ",
		"[trust]\na = 1\na = 2\n":                      "c.toml: invalid TOML: line 3, column 1: ",
		"trust = 1\n":                                  "c.toml: [trust] must be a table",
		"logging = [1]\n":                              "c.toml: [logging] must be a table",
		"[trust]\nroot_pubkey = 5\n":                   "c.toml [trust] root_pubkey: expected a string, got integer",
		"[trust]\nroot_pubkey = \"0\"\n":               "c.toml [trust] root_pubkey: not valid hex",
		"[network]\nsecret_key = [\"AA==\"]\n":         "c.toml [network] secret_key: expected a string, got array",
		"[network]\nsecret_key = \"A_A=\"\n":           "c.toml [network] secret_key: not valid base64",
		"[connect]\nendpoint_addr = 1.0\n":             "c.toml [connect] endpoint_addr: expected a string, got float",
		"[storage]\npath = 1979-05-27T07:32:00Z\n":     "c.toml [storage] path: expected a string, got offset date-time",
		"[network]\nbind_addr = 1979-05-27T07:32:00\n": "c.toml [network] bind_addr: expected a string, got local date-time",
		"[network]\nproxy_url = 07:32:00\n":            "c.toml [network] proxy_url: expected a string, got local time",
		"[logging]\nformat = {a = 1}\n":                "c.toml [logging] format: expected a string, got table",
		"[network]\nhook_timeout_ms = \"soon\"\n":      "c.toml [network] hook_timeout_ms: not an integer",
		"[network]\nhook_timeout_ms = [1]\n":           "c.toml [network] hook_timeout_ms: not an integer",
		"[network]\nhook_timeout_ms = inf\n":           "c.toml [network] hook_timeout_ms: not an integer",
		"[network]\nhook_timeout_ms = nan\n":           "c.toml [network] hook_timeout_ms: not an integer",
		"[network]\nhook_timeout_ms = 1e300\n":         "c.toml [network] hook_timeout_ms: out of range",
	}
	for text, want := range fileCases {
		_, err := resolveTOML(t, text, nil)
		e, ok := err.(*Error)
		if !ok || !strings.HasPrefix(e.Msg, want) || (!strings.HasSuffix(want, ": ") && e.Msg != want) || e.Hint == "" {
			t.Errorf("%q: error %#v, want %q with a hint", text, err, want)
		}
	}

	// A bad file value fails even when the environment overrides it.
	if _, err := resolveTOML(t, "[network]\nhook_timeout_ms = \"x\"\n", map[string]string{"ASTER_HOOK_TIMEOUT_MS": "1"}); err == nil {
		t.Error("bad file value accepted under an environment override")
	}

	t.Chdir(t.TempDir())
	_, err = Resolve(Options{File: "missing/aster.toml"})
	if err == nil || err.Error() != "cannot read config file missing/aster.toml: no such file or directory" {
		t.Errorf("missing file: %v", err)
	}
}

func TestWarnings(t *testing.T) {
	c, err := Resolve(Options{LookupEnv: envOf(map[string]string{
		"ASTER_SECRET_KEY":  base64.StdEncoding.EncodeToString(key32[:16]),
		"ASTER_ROOT_PUBKEY": strings.Repeat("ab", 33),
	})})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"ASTER_ROOT_PUBKEY: decoded to 33 bytes, expected 32",
		"ASTER_SECRET_KEY: decoded to 16 bytes, expected 32",
	}
	if got := messages(c.Warnings); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// messages lists the warnings' messages.
func messages(ws []Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Msg)
	}
	return out
}

// TestStrict makes every warning an error: the truthiness rule of TOML
// booleans and unexpected key lengths.
func TestStrict(t *testing.T) {
	for text, want := range map[string]string{
		"[trust]\nallow_all_consumers = \"false\"": `c.toml [trust] allow_all_consumers: expected a boolean, got string "false"`,
		"[network]\nenable_hooks = 0":              "c.toml [network] enable_hooks: expected a boolean, got integer 0",
		"[network]\nsecret_key = \"\"":             "c.toml [network] secret_key: decoded to 0 bytes, expected 32",
	} {
		t.Chdir(t.TempDir())
		if err := os.WriteFile("c.toml", []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := Resolve(Options{File: "c.toml"}); err != nil {
			t.Errorf("%q without Strict: %v", text, err)
		}
		_, err := Resolve(Options{File: "c.toml", Strict: true})
		var ce *Error
		if !errors.As(err, &ce) || ce.Msg != want {
			t.Errorf("%q with Strict: %v, want %q", text, err, want)
		}
	}
	_, err := Resolve(Options{Strict: true, LookupEnv: envOf(map[string]string{"ASTER_ROOT_PUBKEY": "abab"})})
	if err == nil || err.Error() != "ASTER_ROOT_PUBKEY: decoded to 2 bytes, expected 32" {
		t.Errorf("env with Strict: %v", err)
	}
}

// TestSecretsMasked checks that neither form ever holds a secret whole.
func TestSecretsMasked(t *testing.T) {
	creds := []string{"/very/secret/enrollment-credential.json", "日本語のクレデンシャルファイル名.json", "short", "exactly12chr"}
	for _, cred := range creds {
		c, err := Resolve(Options{LookupEnv: envOf(map[string]string{
			"ASTER_SECRET_KEY":                base64.StdEncoding.EncodeToString(key32),
			"ASTER_ENROLLMENT_CREDENTIAL":     cred,
			"ASTER_ENROLLMENT_CREDENTIAL_IID": cred + "-iid",
		})})
		if err != nil {
			t.Fatal(err)
		}
		js, err := c.JSON()
		if err != nil {
			t.Fatal(err)
		}
		for form, out := range map[string]string{"text": c.Text(), "json": string(js)} {
			for _, secret := range []string{cred, cred + "-iid", "0001020304050607", base64.StdEncoding.EncodeToString(key32)[:12]} {
				if strings.Contains(out, secret) {
					t.Errorf("%s output holds %q:\n%s", form, secret, out)
				}
			}
		}
	}
}

func TestMasks(t *testing.T) {
	cases := map[string]string{
		"":              "****",
		"abc":           "****",
		"exactly12chr":  "****",
		"exactly13char": "****...xactly13char",
		"日本語のクレデンシャルファイル名.json": "****...ャルファイル名.json",
	}
	for in, want := range cases {
		if got := mask12(&in); got != want {
			t.Errorf("mask12(%q) = %q, want %q", in, got, want)
		}
	}
	if got := mask12(nil); got != "<not set>" {
		t.Errorf("mask12(nil) = %q", got)
	}
	hexCases := map[string]string{"": "****", "\x01\x02\x03\x04": "****", "\x01\x02\x03\x04\x05": "****...02030405"}
	for in, want := range hexCases {
		if got := maskHex([]byte(in)); got != want {
			t.Errorf("maskHex(%x) = %q, want %q", in, got, want)
		}
	}
	if got := maskHex(nil); got != "<not set>" {
		t.Errorf("maskHex(nil) = %q", got)
	}
}

// TestPadding checks that columns count code points and never cut.
func TestPadding(t *testing.T) {
	c, err := Resolve(Options{LookupEnv: envOf(map[string]string{
		"ASTER_RELAY_MODE": "é",
		"ASTER_BIND_ADDR":  strings.Repeat("x", 40),
	})})
	if err != nil {
		t.Fatal(err)
	}
	text := c.Text()
	for _, line := range []string{
		"    relay_mode                  : é" + strings.Repeat(" ", 35) + " (ASTER_RELAY_MODE)\n",
		"    bind_addr                   : " + strings.Repeat("x", 40) + " (ASTER_BIND_ADDR)\n",
	} {
		if !strings.Contains(text, line) {
			t.Errorf("missing %q in\n%s", line, text)
		}
	}
	js, err := c.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js, []byte(`"value": "\u00e9"`)) {
		t.Errorf("JSON not ASCII-escaped:\n%s", js)
	}
}
