package python

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/contract"
)

// writeTree writes files (path → source) under a new temporary directory.
func writeTree(t testing.TB, files map[string]string) string {
	dir := t.TempDir()
	for p, src := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func analyse(t *testing.T, files map[string]string, spec string) (*analyzer.Result, error) {
	t.Helper()
	dir := writeTree(t, files)
	return NewLoader(Options{Dir: dir, Env: func(string) string { return "" }}).Service(spec)
}

// loadSource executes src as module m and returns the loader and module.
func loadSource(t *testing.T, src string) (*Loader, *module) {
	t.Helper()
	l := NewLoader(Options{Dir: writeTree(t, map[string]string{"m.py": src}), Env: func(string) string { return "" }})
	mv, err := l.importModule("m")
	if err != nil {
		t.Fatal(err)
	}
	return l, mv.(*module)
}

// classNamed returns the class a module binds to name at its end.
func classNamed(m *module, name string) *class {
	v, _ := m.ns.lookup(name, final)
	return v.(*class)
}

// mustAnalyse analyses and compiles a service.
func mustAnalyse(t *testing.T, files map[string]string, spec string) (*analyzer.Result, *contract.Compiled) {
	t.Helper()
	res, err := analyse(t, files, spec)
	if err != nil {
		t.Fatalf("%s: %v", spec, err)
	}
	c, err := contract.Compile(res.Service)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return res, c
}

// node returns the graph node with the given FQN.
func node(t *testing.T, res *analyzer.Result, fqn string) *contract.Node {
	t.Helper()
	var have []string
	for _, n := range res.Service.Types {
		if n.FQN() == fqn {
			return n
		}
		have = append(have, n.FQN())
	}
	t.Fatalf("no node %s; have %s", fqn, strings.Join(have, ", "))
	return nil
}

// fieldOf returns a node's field by name.
func fieldOf(t *testing.T, n *contract.Node, name string) contract.NodeField {
	t.Helper()
	for _, f := range n.Fields {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("%s has no field %s", n.FQN(), name)
	return contract.NodeField{}
}

func fieldNames(n *contract.Node) string {
	var out []string
	for _, f := range n.Fields {
		out = append(out, f.Name)
	}
	return strings.Join(out, ",")
}

const prelude = "from dataclasses import dataclass, field\nfrom aster import rpc, service, wire_type\n"
