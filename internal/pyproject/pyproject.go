// Package pyproject reads a project's aster settings from the [tool.aster]
// table of its pyproject.toml (the place ruff, mypy and pytest keep theirs),
// found from the current directory upwards.
package pyproject

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/asterkit/aster/internal/inputfile"
)

// FileName is the file looked for.
const FileName = "pyproject.toml"

// Settings are the [tool.aster] values. Paths are relative to the current
// directory (or absolute), ready to be used like the flags they stand for.
type Settings struct {
	// File is the pyproject.toml they were read from.
	File string
	// Services are the MODULE:CLASS specs, in manifest order.
	Services []string
	// PythonPath are the directories searched for modules first.
	PythonPath []string
	// Dir is the directory of the file ("." for the current directory).
	Dir string
	// Manifest is the manifest gen writes and check reads ("" when unset).
	Manifest string
	// Strict makes analysis warnings errors.
	Strict bool
}

// Error is a pyproject.toml that cannot be used.
type Error struct {
	Msg, Hint string
}

func (e *Error) Error() string { return e.Msg }

// known are the keys of [tool.aster], for the message about others.
var known = []string{"manifest", "out", "python-path", "services", "strict"}

// Find looks for the closest pyproject.toml with a [tool.aster] table in
// dir and its parents, and reads it. It returns nil, nil when there is
// none.
func Find(dir string) (*Settings, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for d := abs; ; {
		path := filepath.Join(d, FileName)
		data, err := inputfile.Read(path, inputfile.Config)
		switch {
		case err == nil:
			s, err := parse(data, display(abs, path))
			if err != nil {
				return nil, err
			}
			if s != nil {
				s.resolve(abs, d)
				return s, nil
			}
		case !errors.Is(err, fs.ErrNotExist):
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, &Error{Msg: fmt.Sprintf("cannot read %s: %v", display(abs, path), err), Hint: "Make it a readable regular file, or remove it."}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil, nil
		}
		d = parent
	}
}

// parse reads the [tool.aster] table of a pyproject.toml shown as name; no
// table gives nil, nil. Paths are left as written.
func parse(data []byte, name string) (*Settings, error) {
	var doc struct {
		Tool map[string]any `toml:"tool"`
	}
	if err := toml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "toml: ")
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			msg = fmt.Sprintf("line %d, column %d: %s", line, col, msg)
		}
		return nil, &Error{Msg: fmt.Sprintf("%s: invalid TOML: %s", name, msg), Hint: "Fix the TOML syntax at that position."}
	}
	raw, ok := doc.Tool["aster"]
	if !ok {
		return nil, nil
	}
	table, ok := raw.(map[string]any)
	if !ok {
		return nil, &Error{Msg: fmt.Sprintf("%s: tool.aster must be a table", name), Hint: "Write the settings under a [tool.aster] header."}
	}
	s := &Settings{File: name}
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	bad := func(key, want string) error {
		return &Error{Msg: fmt.Sprintf("%s: [tool.aster] %s must be %s", name, key, want), Hint: "Fix the value in " + name + "."}
	}
	for _, k := range keys {
		v := table[k]
		switch k {
		case "services", "python-path":
			list, ok := stringList(v)
			if !ok {
				return nil, bad(k, "an array of strings")
			}
			if k == "python-path" {
				s.PythonPath = list
				continue
			}
			for _, spec := range list {
				if !strings.Contains(spec, ":") {
					return nil, &Error{Msg: fmt.Sprintf("%s: [tool.aster] services: %q is not of the form module:ClassName", name, spec),
						Hint: "Name the module and the class, e.g. \"shop.orders:OrderService\"; aster contract list shows them."}
				}
			}
			s.Services = list
		case "out", "manifest":
			path, ok := v.(string)
			if !ok || path == "" {
				return nil, bad(k, "a non-empty string (the manifest's path)")
			}
			if s.Manifest != "" && s.Manifest != path {
				return nil, &Error{Msg: fmt.Sprintf("%s: [tool.aster] sets both out and manifest, to different paths", name),
					Hint: "Keep one of them: both name the manifest gen writes and check reads."}
			}
			s.Manifest = path
		case "strict":
			b, ok := v.(bool)
			if !ok {
				return nil, bad(k, "true or false")
			}
			s.Strict = b
		default:
			return nil, &Error{Msg: fmt.Sprintf("%s: unknown key %q in [tool.aster]", name, k),
				Hint: "Known keys: " + strings.Join(known, ", ") + "."}
		}
	}
	return s, nil
}

// stringList is v as a list of strings, if it is one.
func stringList(v any) ([]string, bool) {
	items, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, len(items))
	for i, it := range items {
		if out[i], ok = it.(string); !ok {
			return nil, false
		}
	}
	return out, true
}

// resolve makes the paths of settings read in projectDir relative to the
// current directory cwd.
func (s *Settings) resolve(cwd, projectDir string) {
	from := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return display(cwd, filepath.Join(projectDir, filepath.FromSlash(p)))
	}
	for i, p := range s.PythonPath {
		s.PythonPath[i] = from(p)
	}
	s.Dir = from(".")
	if s.Manifest != "" {
		s.Manifest = from(s.Manifest)
	}
}

// SearchPath is where modules are searched before $PYTHONPATH and the
// current directory: PythonPath and, when the file is not in the current
// directory, its directory and that directory's src, so modules resolve
// as they do from there.
func (s *Settings) SearchPath() []string {
	if s.Dir == "." {
		return s.PythonPath
	}
	return append(slices.Clip(s.PythonPath), s.Dir, filepath.Join(s.Dir, "src"))
}

// display is path relative to cwd when it can be, else path.
func display(cwd, path string) string {
	if rel, err := filepath.Rel(cwd, path); err == nil {
		return rel
	}
	return path
}
