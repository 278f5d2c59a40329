package profile

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/asterkit/aster/internal/testenv"
)

var pub = strings.Repeat("cd", 32)

func load(t *testing.T, text string) *Config {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	if text != "" {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestNewFile(t *testing.T) {
	c := load(t, "")
	if c.Active() != "default" || c.HasActive() || len(c.Names()) != 0 {
		t.Fatalf("empty config: active %q, names %v", c.Active(), c.Names())
	}
	must(t, c.AddProfile("dev", pub, "2026-01-01T00:00:00"))
	must(t, c.SetActive("dev"))
	must(t, c.Save())
	want := "active_profile = \"dev\"\n\n[profiles.dev]\nroot_pubkey = \"" + pub + "\"\ncreated_at = \"2026-01-01T00:00:00\"\n"
	got, _ := os.ReadFile(c.Path)
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if st, _ := os.Stat(c.Path); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
}

// TestReferenceConfig edits the reference's config.toml: every line that is
// not part of an edit stays.
func TestReferenceConfig(t *testing.T) {
	ref, err := os.ReadFile(filepath.Join(testenv.Vectors(t), "22_profiles", "final_config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	c := load(t, string(ref))
	if c.Active() != "prod" || !reflect.DeepEqual(c.Names(), []string{"prod"}) {
		t.Fatalf("active %q names %v", c.Active(), c.Names())
	}
	p, _ := c.Get("prod")
	var keys []string
	for _, e := range p.Entries {
		keys = append(keys, e.Key)
	}
	if want := []string{"handle", "handle_status", "handle_claimed_at", "email", "signer", "published_services", "root_pubkey"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	if p.Get("signer") != "local" || len(p.Get("root_pubkey")) != 64 {
		t.Errorf("values: %v", p.Entries)
	}

	must(t, c.AddProfile("staging", strings.Repeat("ab", 32), "2026-01-01T00:00:00"))
	staged := string(ref) + "\n[profiles.staging]\nroot_pubkey = \"" + strings.Repeat("ab", 32) + "\"\ncreated_at = \"2026-01-01T00:00:00\"\n"
	if string(c.text) != staged {
		t.Fatalf("after create:\n%s", c.text)
	}
	must(t, c.SetActive("staging"))
	if want := strings.Replace(staged, `active_profile = "prod"`, `active_profile = "staging"`, 1); string(c.text) != want {
		t.Fatalf("after use:\n%s", c.text)
	}
	must(t, c.SetActive("prod"))
	must(t, c.Delete("staging"))
	if string(c.text) != string(ref) {
		t.Errorf("after delete:\n%q\nwant\n%q", c.text, ref)
	}
	must(t, c.SetKey("prod", "created_at", "2026-01-01T00:00:00"))
	must(t, c.SetKey("prod", "signer", "local2"))
	want := strings.Replace(string(ref), `signer = "local"`, `signer = "local2"`, 1) + "created_at = \"2026-01-01T00:00:00\"\n"
	if string(c.text) != want {
		t.Errorf("after SetKey:\n%s", c.text)
	}
}

func TestEditsKeepSurroundings(t *testing.T) {
	in := `# my settings
theme = "dark" # user choice

[ profiles . "dev" ]   # the dev mesh
root_pubkey = "` + pub + `"
note = """
[profiles.fake]
"""

[profiles.dev.extra]
x = 1

# the production mesh
[profiles.prod]
signer = "local"

[other]
y = [
  1,
]
`
	c := load(t, in)
	if !reflect.DeepEqual(c.Names(), []string{"dev", "prod"}) {
		t.Fatalf("names %v", c.Names())
	}
	must(t, c.SetActive("prod"))
	if !strings.HasPrefix(string(c.text), "active_profile = \"prod\"\n\n# my settings\n") {
		t.Errorf("active not inserted at the top:\n%s", c.text)
	}
	must(t, c.SetKey("prod", "root_pubkey", pub))
	must(t, c.Delete("dev"))
	want := `active_profile = "prod"

# my settings
theme = "dark" # user choice

# the production mesh
[profiles.prod]
signer = "local"
root_pubkey = "` + pub + `"

[other]
y = [
  1,
]
`
	if string(c.text) != want {
		t.Errorf("got:\n%s\nwant:\n%s", c.text, want)
	}
	must(t, c.SetActive("dev"))
	if !strings.HasPrefix(string(c.text), "active_profile = \"dev\"\n\n# my") {
		t.Errorf("active not rewritten in place:\n%s", c.text)
	}
}

func TestNotATable(t *testing.T) {
	for _, in := range []string{
		"profiles.dev.root_pubkey = \"x\"\n",
		"[profiles]\ndev = { root_pubkey = \"x\" }\n",
	} {
		c := load(t, in)
		if _, ok := c.Get("dev"); !ok {
			t.Fatalf("%q: profile not read", in)
		}
		err := c.Delete("dev")
		want := "cannot edit " + c.Path + ": profile 'dev' is not a [profiles.dev] table; edit the file by hand."
		if err == nil || err.Error() != want {
			t.Errorf("%q: %v", in, err)
		}
		if err := c.SetKey("dev", "a", "b"); err == nil {
			t.Errorf("%q: SetKey succeeded", in)
		}
	}
	c := load(t, "profiles = { dev = {} }\n")
	if err := c.AddProfile("x", pub, "t"); err == nil || !strings.Contains(err.Error(), "would not be valid TOML") {
		t.Errorf("append to inline profiles: %v", err)
	}
}

func TestInvalid(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(p, []byte("active_profile = \n"), 0o600)
	_, err := Load(p)
	if err == nil || !strings.HasPrefix(err.Error(), p+": invalid TOML: ") {
		t.Errorf("err = %v", err)
	}
}

func TestValidName(t *testing.T) {
	for n, ok := range map[string]bool{"dev": true, "a_B-9": true, "": false, "a b": false, "../x": false, strings.Repeat("a", 65): false} {
		if ValidName(n) != ok {
			t.Errorf("ValidName(%q) = %v", n, !ok)
		}
	}
}
