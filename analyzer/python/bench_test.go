package python

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/contract/manifest"
	"github.com/asterkit/aster/internal/memlimit"
)

const benchServices = 1000

// writeBenchCorpus writes benchServices service modules (10 dataclasses
// and 5 methods each, importing a shared module and another service
// module) plus common.py, and returns the service specs.
func writeBenchCorpus(tb testing.TB, dir string) []string {
	common := "from dataclasses import dataclass, field\nfrom typing import Optional\n\n" +
		"@dataclass\nclass Money:\n    currency: str = \"EUR\"\n    minor: int = 0\n\n" +
		"@dataclass\nclass Tag:\n    key: str = \"\"\n    value: Optional[str] = None\n"
	if err := os.WriteFile(filepath.Join(dir, "common.py"), []byte(common), 0o644); err != nil {
		tb.Fatal(err)
	}
	specs := make([]string, benchServices)
	for i := range benchServices {
		var b strings.Builder
		b.WriteString("\"\"\"Generated service module.\"\"\"\nfrom dataclasses import dataclass, field\n")
		b.WriteString("from typing import AsyncIterator, Dict, List, Optional\n\n")
		b.WriteString("from aster import bidi_stream, client_stream, rpc, server_stream, service, wire_type\n")
		b.WriteString("from common import Money, Tag\n")
		if i > 0 {
			fmt.Fprintf(&b, "import svc_%04d as prev\n", i/2)
		}
		b.WriteString("\n")
		for j := range 10 {
			if j%2 == 0 {
				fmt.Fprintf(&b, "@wire_type(\"bench.s%d/T%d\")\n", i, j)
			}
			fmt.Fprintf(&b, "@dataclass\nclass T%d:\n    id: str = \"\"\n    count: int = 0\n    ratio: float = 0.0\n", j)
			b.WriteString("    tags: list[Tag] = field(default_factory=list)\n")
			b.WriteString("    prices: Dict[str, list[int]] = field(default_factory=dict)\n")
			b.WriteString("    total: Optional[Money] = None\n")
			if j > 0 {
				fmt.Fprintf(&b, "    child: Optional[T%d] = None\n    children: List[T%d] = field(default_factory=list)\n", j-1, j-1)
			}
			if j == 9 && i > 0 {
				b.WriteString("    other: Optional[prev.T0] = None\n")
			}
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "@service(name=\"Svc%d\", version=%d)\nclass Svc%d:\n", i, i%7+1, i)
		b.WriteString("    @rpc(timeout=5.0)\n    async def get(self, req: T9) -> T8:\n        \"\"\"Fetch one.\"\"\"\n        return T8()\n\n")
		b.WriteString("    @rpc(idempotent=True)\n    async def put(self, req: T7) -> T6:\n        return T6()\n\n")
		b.WriteString("    @server_stream\n    async def watch(self, req: T5) -> AsyncIterator[T4]:\n        yield T4()\n\n")
		b.WriteString("    @client_stream\n    async def upload(self, reqs: AsyncIterator[T3]) -> T2:\n        return T2()\n\n")
		b.WriteString("    @bidi_stream\n    async def chat(self, reqs: AsyncIterator[T1]) -> AsyncIterator[T0]:\n        async for r in reqs:\n            yield T0()\n")
		name := fmt.Sprintf("svc_%04d", i)
		if err := os.WriteFile(filepath.Join(dir, name+".py"), []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
		specs[i] = fmt.Sprintf("%s:Svc%d", name, i)
	}
	return specs
}

// BenchmarkContractGenCorpus times the whole pipeline contract gen runs
// for 1,000 generated services: loading and parsing the modules,
// analysis, contract.Compile, the manifest entries and the manifest's
// text, which contract gen streams to its file and the benchmark to
// io.Discard (the file system left out). With
// $ASTER_BENCH_CORPUS set, the corpus is written there (for
// bench/cpython_parse.py, bench/run.sh). Besides the wall-clock time it
// reports the CPU time of a run (all threads: the parsing workers and the
// collector too), which moves less with the machine's load.
func BenchmarkContractGenCorpus(b *testing.B) {
	dir := os.Getenv("ASTER_BENCH_CORPUS")
	if dir == "" {
		dir = b.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	specs := writeBenchCorpus(b, dir)
	memlimit.Apply() // as the aster command runs
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		l := NewLoader(Options{Dir: dir, Env: func(string) string { return "" }})
		l.Prefetch(specs...)
		// As contract gen does: each service compiled and built in the
		// background while the next is analysed.
		mb := manifest.NewBuilder(manifest.Publication{})
		for _, spec := range specs {
			res, err := l.Service(spec)
			if err != nil {
				b.Fatal(err)
			}
			mb.Add(res.Service, res.Scoped, res.Methods)
		}
		entries, err := mb.Entries()
		if err != nil {
			b.Fatal(err)
		}
		text := manifest.TextOf(manifest.File{Entries: entries, Array: true})
		if _, err := text.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if end := cpuTime(); cpu >= 0 && end >= 0 {
		b.ReportMetric(float64(end-cpu)/1e6/float64(b.N), "cpu-ms/op")
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MiB")
}

// TestBenchCorpusAnalyses keeps the benchmark corpus valid.
func TestBenchCorpusAnalyses(t *testing.T) {
	dir := t.TempDir()
	specs := writeBenchCorpus(t, dir)
	l := NewLoader(Options{Dir: dir, Env: func(string) string { return "" }})
	for _, spec := range []string{specs[0], specs[7], specs[999]} {
		res, err := l.Service(spec)
		if err != nil {
			t.Fatal(err)
		}
		c, err := contract.Compile(res.Service)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Methods) != 5 || len(c.Types) < 10 {
			t.Errorf("%s: %d methods, %d types", spec, len(res.Methods), len(c.Types))
		}
	}
}

// BenchmarkInterpretedCorpus analyses the corpus of
// BenchmarkContractGenCorpus with common.py giving a default through a
// helper function with a loop: the reading needs a value only running
// the code gives, so the analysis starts again with the interpreter and
// runs every module in it.
func BenchmarkInterpretedCorpus(b *testing.B) {
	dir := b.TempDir()
	specs := writeBenchCorpus(b, dir)
	common := "from dataclasses import dataclass, field\nfrom typing import Optional\n\n" +
		"def cents(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\n\n" +
		"@dataclass\nclass Money:\n    currency: str = \"EUR\"\n    minor: int = cents(4)\n\n" +
		"@dataclass\nclass Tag:\n    key: str = \"\"\n    value: Optional[str] = None\n"
	if err := os.WriteFile(filepath.Join(dir, "common.py"), []byte(common), 0o644); err != nil {
		b.Fatal(err)
	}
	memlimit.Apply()
	b.ReportAllocs()
	for b.Loop() {
		l := NewLoader(Options{Dir: dir, Env: func(string) string { return "" }})
		l.Prefetch(specs...)
		for _, spec := range specs {
			if _, err := l.Service(spec); err != nil {
				b.Fatal(err)
			}
		}
		if l.rt == nil {
			b.Fatal("the corpus was read without the interpreter")
		}
	}
}

// BenchmarkScaling analyses shapes whose cost once grew with the square of
// their size; the time per op should grow about linearly from one size to
// the next (four times the size, about four times the time).
func BenchmarkScaling(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		// n services of one module each, with five inline (Mode 2)
		// methods: every service's methods look for sharers.
		inline := map[string]string{}
		var specs []string
		for i := range n {
			var s strings.Builder
			fmt.Fprintf(&s, "from aster import rpc, service\n\n@service(name=\"S%d\")\nclass S%d:\n", i, i)
			for j := range 5 {
				fmt.Fprintf(&s, "    @rpc\n    async def m%d(self, a: str, b: int = 0) -> int: ...\n", j)
			}
			name := fmt.Sprintf("s%04d", i)
			inline[name+".py"] = s.String()
			specs = append(specs, fmt.Sprintf("%s:S%d", name, i))
		}
		benchAnalyse(b, fmt.Sprintf("inline-services/%d", n), inline, specs)

		// An enum of n members: aliases are found among the earlier ones.
		var e strings.Builder
		e.WriteString("import enum\nfrom dataclasses import dataclass\nfrom aster import rpc, service\n\nclass E(enum.Enum):\n")
		for i := range n {
			fmt.Fprintf(&e, "    V%d = %d\n", i, i)
		}
		e.WriteString("\n@dataclass\nclass R:\n    e: E = E.V0\n\n@service(name=\"S\")\nclass S:\n    @rpc\n    async def get(self, r: R) -> R: ...\n")
		benchAnalyse(b, fmt.Sprintf("enum-members/%d", n), map[string]string{"m.py": e.String()}, []string{"m:S"})
	}
}

// benchAnalyse times analysing specs from a fresh loader over files.
func benchAnalyse(b *testing.B, name string, files map[string]string, specs []string) {
	dir := b.TempDir()
	for path, src := range files {
		if err := os.WriteFile(filepath.Join(dir, path), []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.Run(name, func(b *testing.B) {
		for b.Loop() {
			l := NewLoader(Options{Dir: dir, Env: func(string) string { return "" }})
			for _, spec := range specs {
				if _, err := l.Service(spec); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
