// Package profile reads and edits the operator profiles in
// $ASTER_HOME/config.toml. Edits change only the lines they concern, so
// comments, unknown keys and tables written by other tools survive.
package profile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/pelletier/go-toml/v2"

	"github.com/asterkit/aster/internal/atomicfile"
	"github.com/asterkit/aster/internal/inputfile"
	"github.com/asterkit/aster/internal/tomltext"
)

// DefaultName is the profile used when none is active.
const DefaultName = "default"

// Home is the configuration directory: $ASTER_HOME, else ~/.aster.
func Home() (string, error) {
	if h := os.Getenv("ASTER_HOME"); h != "" {
		return h, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot locate the configuration directory: %v (set ASTER_HOME)", err)
	}
	return filepath.Join(home, ".aster"), nil
}

// WarnIfExposed warns on w when the configuration directory home exists
// and other users can write to it: they could replace config.toml, or the
// root key file kept there.
func WarnIfExposed(home string, w io.Writer) {
	if st, err := os.Stat(home); err == nil && st.IsDir() && st.Mode().Perm()&0o022 != 0 {
		fmt.Fprintf(w, "Warning: %s can be written by other users (mode %v); they could replace the keys and profiles kept there.\n  Run: chmod 700 %s\n",
			home, st.Mode().Perm(), home)
	}
}

// ConfigPath is the profiles file inside home.
func ConfigPath(home string) string { return filepath.Join(home, "config.toml") }

var nameRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// ValidName reports whether name may be given to a new profile.
func ValidName(name string) bool { return nameRE.MatchString(name) }

// Config is the text of config.toml and its decoded form.
type Config struct {
	// Path is the file's path.
	Path string
	text []byte
	doc  map[string]any
}

// Profile is one [profiles.<name>] table.
type Profile struct {
	Name string
	// Entries are the table's keys in file order.
	Entries []tomltext.Entry
}

// Get returns the string value of key ("" when absent or not a string).
func (p *Profile) Get(key string) string {
	for _, e := range p.Entries {
		if e.Key == key {
			s, _ := e.Value.(string)
			return s
		}
	}
	return ""
}

// Has reports whether the table has key.
func (p *Profile) Has(key string) bool {
	for _, e := range p.Entries {
		if e.Key == key {
			return true
		}
	}
	return false
}

// Load reads path; a missing file is an empty configuration.
func Load(path string) (*Config, error) {
	text, err := inputfile.Read(path, inputfile.Config)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	c := &Config{Path: path}
	if err := c.set(text); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if err := c.checkTypes(); err != nil {
		return nil, err
	}
	return c, nil
}

// TypeError is a key of config.toml whose value has the wrong type.
type TypeError struct {
	// Where is "<path> [<table>] <key>", or "<path> <key>" at the top level.
	Where string
	// Want is the type expected ("a string", "a table"); Got the TOML type
	// found.
	Want, Got string
}

func (e *TypeError) Error() string {
	return fmt.Sprintf("%s: expected %s, got %s", e.Where, e.Want, e.Got)
}

// profileStrings are the profile keys this tool reads, all strings.
var profileStrings = []string{"root_pubkey", "created_at", "signer"}

// checkTypes reports the first key this tool reads whose value has another
// type than it expects, rather than taking it as absent.
func (c *Config) checkTypes() error {
	bad := func(where, want string, v any) error {
		return &TypeError{Where: c.Path + " " + where, Want: want, Got: tomltext.TypeName(v)}
	}
	if v, ok := c.doc["active_profile"]; ok {
		if _, ok := v.(string); !ok {
			return bad("active_profile", "a string", v)
		}
	}
	v, ok := c.doc["profiles"]
	if !ok {
		return nil
	}
	profiles, ok := v.(map[string]any)
	if !ok {
		return bad("profiles", "a table", v)
	}
	names := make([]string, 0, len(profiles))
	for n := range profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t, ok := profiles[n].(map[string]any)
		if !ok {
			return bad("[profiles] "+tomltext.FormatKey(n), "a table", profiles[n])
		}
		for _, k := range profileStrings {
			if v, ok := t[k]; ok {
				if _, ok := v.(string); !ok {
					return bad("[profiles."+tomltext.FormatKey(n)+"] "+k, "a string", v)
				}
			}
		}
	}
	return nil
}

// set replaces the text after checking that it is valid TOML.
func (c *Config) set(text []byte) error {
	var doc map[string]any
	if err := toml.Unmarshal(text, &doc); err != nil {
		return fmt.Errorf("invalid TOML: %v", err)
	}
	if doc == nil {
		doc = map[string]any{}
	}
	c.text, c.doc = text, doc
	return nil
}

// Active is the active_profile, or DefaultName when it is missing or empty.
func (c *Config) Active() string {
	if s, _ := c.doc["active_profile"].(string); s != "" {
		return s
	}
	return DefaultName
}

// HasActive reports whether active_profile names a profile at all.
func (c *Config) HasActive() bool {
	s, _ := c.doc["active_profile"].(string)
	return s != ""
}

func (c *Config) profiles() map[string]any {
	m, _ := c.doc["profiles"].(map[string]any)
	return m
}

// Names lists the profiles, sorted.
func (c *Config) Names() []string {
	var names []string
	for n, v := range c.profiles() {
		if _, ok := v.(map[string]any); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// Get returns the profile called name.
func (c *Config) Get(name string) (*Profile, bool) {
	t, ok := c.profiles()[name].(map[string]any)
	if !ok {
		return nil, false
	}
	order := tomltext.KeyOrder(c.text)[tomltext.TableID(tomltext.TableID("", "profiles"), name)]
	return &Profile{Name: name, Entries: tomltext.Ordered(t, order)}, true
}

// SetActive makes name the active profile: the value of the top-level
// active_profile is rewritten, or the key is inserted at the top.
func (c *Config) SetActive(name string) error {
	value := []byte(tomltext.FormatString(name))
	for _, x := range scan(c.text) {
		if x.table {
			break
		}
		if is(x.keys, "active_profile") {
			return c.edit(splice(c.text, x.valueStart, x.valueEnd, value))
		}
	}
	line := append([]byte("active_profile = "), value...)
	return c.edit(splice(c.text, 0, 0, append(line, "\n\n"...)))
}

// AddProfile appends a [profiles.<name>] table with root_pubkey and
// created_at.
func (c *Config) AddProfile(name, rootPubkey, createdAt string) error {
	text := append([]byte(nil), c.text...)
	if len(text) > 0 {
		if text[len(text)-1] != '\n' {
			text = append(text, '\n')
		}
		if !bytes.HasSuffix(text, []byte("\n\n")) {
			text = append(text, '\n')
		}
	}
	text = fmt.Appendf(text, "[profiles.%s]\nroot_pubkey = %s\ncreated_at = %s\n",
		tomltext.FormatKey(name), tomltext.FormatString(rootPubkey), tomltext.FormatString(createdAt))
	return c.edit(text)
}

// SetKey gives key the string value in profile name: its line is rewritten,
// or a line is inserted after the table's last key.
func (c *Config) SetKey(name, key, value string) error {
	exprs, err := c.profileTable(name)
	if err != nil {
		return err
	}
	insert := exprs[0].end
	for _, x := range exprs[1:] {
		if is(x.keys, key) {
			return c.edit(splice(c.text, x.valueStart, x.valueEnd, []byte(tomltext.FormatString(value))))
		}
		insert = x.end
	}
	line := tomltext.FormatKey(key) + " = " + tomltext.FormatString(value) + "\n"
	if insert > 0 && c.text[insert-1] != '\n' {
		line = "\n" + line
	}
	return c.edit(splice(c.text, insert, insert, []byte(line)))
}

// profileTable returns the expressions from the [profiles.<name>] header up
// to the next header, header first.
func (c *Config) profileTable(name string) ([]expr, error) {
	exprs := scan(c.text)
	for i, x := range exprs {
		if x.table && is(x.keys, "profiles", name) {
			j := i + 1
			for j < len(exprs) && !exprs[j].table {
				j++
			}
			return exprs[i:j], nil
		}
	}
	return nil, &EditError{Path: c.Path, Name: name}
}

// EditError is a profile that config.toml declares in a form the
// line-preserving edits do not handle (dotted keys, an inline table).
type EditError struct{ Path, Name string }

func (e *EditError) Error() string {
	return fmt.Sprintf("cannot edit %s: profile '%s' is not a [profiles.%s] table; edit the file by hand.", e.Path, e.Name, e.Name)
}

// Delete removes [profiles.<name>] and its sub-tables with their lines;
// the blank lines around each cut collapse to one.
func (c *Config) Delete(name string) error {
	if _, err := c.profileTable(name); err != nil {
		return err
	}
	text := c.text
	exprs := scan(text)
	for i := len(exprs) - 1; i >= 0; i-- {
		x := exprs[i]
		if !x.table || !under(x.keys, "profiles", name) {
			continue
		}
		end := x.end
		for _, y := range exprs[i+1:] {
			if y.table {
				break
			}
			end = y.end
		}
		text = cut(text, x.start, end)
	}
	return c.edit(text)
}

// cut removes text[start:end] and leaves one blank line where the cut
// meets other lines (none at the start or the end of the file).
func cut(text []byte, start, end int) []byte {
	for start >= 2 && text[start-1] == '\n' && text[start-2] == '\n' {
		start--
	}
	for end < len(text) && text[end] == '\n' {
		end++
	}
	sep := []byte("\n")
	if start == 0 || end == len(text) {
		sep = nil
	}
	return splice(text, start, end, sep)
}

// splice returns text with text[start:end] replaced by repl.
func splice(text []byte, start, end int, repl []byte) []byte {
	out := append([]byte(nil), text[:start]...)
	out = append(out, repl...)
	return append(out, text[end:]...)
}

// edit takes the edited text after checking that it still parses.
func (c *Config) edit(text []byte) error {
	if err := c.set(text); err != nil {
		return fmt.Errorf("cannot edit %s: the result would not be valid TOML (%v); edit the file by hand", c.Path, err)
	}
	return nil
}

// Save writes the file atomically with mode 0600, creating its directory
// with mode 0700. A config.toml that is a symbolic link is written through.
func (c *Config) Save() error {
	p, err := c.prepare()
	if err != nil {
		return err
	}
	return c.commit(p)
}

// prepare writes the text to a temporary file beside config.toml, ready to
// take its place.
func (c *Config) prepare() (*atomicfile.Pending, error) {
	if err := os.MkdirAll(filepath.Dir(c.Path), 0o700); err != nil {
		return nil, err
	}
	return atomicfile.Prepare(c.Path, c.text, atomicfile.Options{Perm: 0o600, DirPerm: 0o700, FollowSymlink: true})
}

// commit puts a prepared text in place with mode 0600, whatever the umask.
func (c *Config) commit(p *atomicfile.Pending) error {
	if err := p.Commit(); err != nil {
		return err
	}
	return os.Chmod(c.Path, 0o600)
}
