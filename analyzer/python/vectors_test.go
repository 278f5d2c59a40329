package python

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/testenv"
)

// dumpEntry is one service of a reference *.dump.json file.
type dumpEntry struct {
	Spec       string `json:"spec"`
	ContractID string `json:"contract_id"`
	Types      []struct {
		FQN      string `json:"fqn"`
		TypeHash string `json:"type_hash"`
	} `json:"types_in_hash_order"`
}

// vectorRun is one reference `contract gen` command of a vector case.
type vectorRun struct {
	dir, out string
	specs    []string
	exit     string
	// errLine is the reference's "Error: " line, if it printed one.
	errLine string
}

func vectorRuns(t *testing.T) []vectorRun {
	vectors := testenv.Vectors(t)
	files, _ := filepath.Glob(filepath.Join(vectors, "[01]*_*", "*.cli.txt"))
	var runs []vectorRun
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		args := strings.Fields(strings.TrimPrefix(lines[0], "$ "))
		if len(args) < 3 || args[1] != "contract" || args[2] != "gen" {
			continue
		}
		r := vectorRun{dir: filepath.Dir(f)}
		for i := 3; i+1 < len(args); i++ {
			switch args[i] {
			case "--service":
				r.specs = append(r.specs, args[i+1])
			case "--out":
				r.out = args[i+1]
			}
		}
		for _, ln := range lines {
			if strings.HasPrefix(ln, "[exit code] ") {
				r.exit = strings.TrimPrefix(ln, "[exit code] ")
			}
			if msg, ok := strings.CutPrefix(ln, "Error: "); ok {
				r.errLine = msg
			}
		}
		runs = append(runs, r)
	}
	if len(runs) < 15 {
		t.Fatalf("found only %d contract gen runs in the vectors", len(runs))
	}
	return runs
}

// pendingVectors are the vector runs that the analyzer does not reproduce
// yet, with what they need. Remove a run from this list in the change that
// makes it pass.
var pendingVectors = map[string]string{}

// TestVectors analyses every vector service and checks the contract id,
// each type hash and the manifest method descriptors.
func TestVectors(t *testing.T) {
	for _, r := range vectorRuns(t) {
		name := filepath.Base(r.dir) + "/" + r.out
		t.Run(name, func(t *testing.T) {
			if issue, ok := pendingVectors[name]; ok {
				t.Skipf("not reproduced yet (%s)", issue)
			}
			l := NewLoader(Options{Dir: r.dir, Env: func(string) string { return "" }})
			if r.exit != "0" {
				for _, spec := range r.specs {
					if _, err := l.Service(spec); err == nil {
						t.Fatalf("%s: analysed, but the reference failed", spec)
					} else if got := strings.ReplaceAll(err.Error(), r.dir+"/", "<src>/"); r.errLine != "" && got == r.errLine {
						// The reference's line.
						t.Logf("%s: %v", spec, err)
					} else if want, _, _ := strings.Cut(r.errLine, " (<ref>/"); r.errLine != "" && strings.HasPrefix(err.Error(), want+" (") {
						// The reference's wording; the location of its own
						// sources cannot be known statically.
						t.Logf("%s: %v", spec, err)
					} else {
						var ae *analyzer.Error
						if !errors.As(err, &ae) || ae.Hint == "" {
							t.Fatalf("%s: %v, want a positioned error with a hint", spec, err)
						}
						t.Logf("%s: %v", spec, err)
					}
				}
				return
			}
			dumps := readDumps(t, filepath.Join(r.dir, strings.TrimSuffix(r.out, ".json")+".dump.json"))
			mf, err := manifest.Read(filepath.Join(r.dir, r.out))
			if err != nil {
				t.Fatal(err)
			}
			if len(dumps) != len(r.specs) || len(mf.Entries) != len(r.specs) {
				t.Fatalf("%d specs, %d dumps, %d manifest entries", len(r.specs), len(dumps), len(mf.Entries))
			}
			for i, spec := range r.specs {
				res, err := l.Service(spec)
				if err != nil {
					t.Fatalf("%s: %v", spec, err)
				}
				checkCompiled(t, res, dumps[i])
				checkMethods(t, res, mf.Entries[i])
			}
		})
	}
}

func readDumps(t *testing.T, path string) []dumpEntry {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var list []dumpEntry
	if strings.HasPrefix(strings.TrimSpace(string(data)), "[") {
		err = json.Unmarshal(data, &list)
	} else {
		var one dumpEntry
		err = json.Unmarshal(data, &one)
		list = []dumpEntry{one}
	}
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func checkCompiled(t *testing.T, res *analyzer.Result, d dumpEntry) {
	t.Helper()
	c, err := contract.Compile(res.Service)
	if err != nil {
		t.Fatalf("%s: compile: %v", d.Spec, err)
	}
	if got := c.ID.String(); got != d.ContractID {
		t.Errorf("%s: contract id %s, want %s", d.Spec, got, d.ContractID)
	}
	hashes := map[string]string{}
	var order, want []string
	for _, ht := range c.Types {
		hashes[ht.FQN] = ht.Hash.String()
		order = append(order, ht.FQN)
	}
	for _, ty := range d.Types {
		want = append(want, ty.FQN)
	}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("%s: hash order\n got %v\nwant %v", d.Spec, order, want)
	}
	for _, ty := range d.Types {
		if hashes[ty.FQN] != ty.TypeHash {
			t.Errorf("%s: type %s hash %s, want %s", d.Spec, ty.FQN, hashes[ty.FQN], ty.TypeHash)
		}
	}
	if len(hashes) != len(d.Types) {
		t.Errorf("%s: %d types, want %d", d.Spec, len(hashes), len(d.Types))
	}
}

func checkMethods(t *testing.T, res *analyzer.Result, want manifest.Manifest) {
	t.Helper()
	if res.Scoped != want.Scoped {
		t.Errorf("scoped %q, want %q", res.Scoped, want.Scoped)
	}
	if len(res.Methods) != len(want.Methods) {
		t.Fatalf("%d methods, want %d", len(res.Methods), len(want.Methods))
	}
	for i := range want.Methods {
		got, exp := res.Methods[i], want.Methods[i]
		if !reflect.DeepEqual(got, exp) {
			gj, _ := json.MarshalIndent(got, "", " ")
			ej, _ := json.MarshalIndent(exp, "", " ")
			t.Errorf("method %s:\n got %s\nwant %s", exp.Name, gj, ej)
		}
	}
}
