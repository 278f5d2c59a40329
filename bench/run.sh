#!/bin/sh
# Runs the Python front-end benchmark and the CPython baseline on the same
# generated corpus, and prints the ratio and the peak memory of one run;
# then the parse-only throughput of ours and CPython's on the corpus and on
# the installed standard library.
#
# Usage: bench/run.sh [COUNT]   (COUNT pipeline runs, default 5; best is kept)
set -eu
cd "$(dirname "$0")/.."
count=${1:-5}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
stdlib=/usr/lib/python3.11

# The baseline: /usr/bin/python3 when it is CPython 3.11, else the fastest
# CPython 3.11 found (timed on a small parse).
is311() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) or sys.implementation.name != "cpython")' 2>/dev/null; }
python=
if is311 /usr/bin/python3; then
	python=/usr/bin/python3
else
	best=
	for p in /usr/bin/python3.11 /usr/local/bin/python3.11 $(command -v python3.11 python3 2>/dev/null); do
		is311 "$p" || continue
		t=$("$p" -c 'import ast, time; s = "def f(a, b=1):\n    return [x * 2 for x in a if x]\n" * 2000
t = time.perf_counter(); ast.parse(s); print(int((time.perf_counter() - t) * 1e6))')
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t python=$p; fi
	done
fi
[ -n "$python" ] || { echo "no CPython 3.11 found" >&2; exit 1; }
echo "CPython baseline: $python ($("$python" -c 'import sys; print(sys.version.split()[0])'))"

go test -c -o "$work/python.test" ./analyzer/python
go test -c -o "$work/pyparse.test" ./analyzer/python/pyparse

# The first run writes the corpus; every run times the whole pipeline.
(cd analyzer/python && ASTER_BENCH_CORPUS="$corpus" "$work/python.test" \
	-test.run '^$' -test.bench ContractGenCorpus -test.benchtime 1x -test.count "$count") |
	tee "$work/go.txt" | grep '^Benchmark'
ours=$(awk '/^Benchmark/ { ns = $3 + 0; if (best == "" || ns < best) best = ns } END { printf "%.1f", best / 1e6 }' "$work/go.txt")
# The least CPU time of a run (the field before its unit).
ours_cpu=$(awk '/^Benchmark/ { for (i = 2; i <= NF; i++) if ($i == "cpu-ms/op") { v = $(i-1) + 0; if (best == "" || v < best) best = v } } END { if (best != "") printf "%.1f", best }' "$work/go.txt")

peak=unknown
if [ -x /usr/bin/time ]; then
	(cd analyzer/python && ASTER_BENCH_CORPUS="$corpus" /usr/bin/time -f '%M' -o "$work/rss.txt" "$work/python.test" \
		-test.run '^$' -test.bench ContractGenCorpus -test.benchtime 1x >/dev/null)
	peak=$(awk '{ printf "%.0f MiB", $1 / 1024 }' "$work/rss.txt")
fi

"$python" bench/cpython_parse.py "$corpus" "$count" | tee "$work/py.txt"
cpython=$(sed -n 's/.*best of [0-9]*: \([0-9.]*\) ms.*/\1/p' "$work/py.txt")
cpython_cpu=$(sed -n 's/.*CPU time \([0-9.]*\) ms.*/\1/p' "$work/py.txt")

echo "ours (whole pipeline, best of $count): $ours ms"
echo "CPython ast.parse (best of $count):    $cpython ms"
awk -v a="$ours" -v b="$cpython" 'BEGIN { printf "ratio: %.2fx\n", a / b }'
if [ -n "$ours_cpu" ] && [ -n "$cpython_cpu" ]; then
	echo "CPU time (all threads; least of $count): ours $ours_cpu ms, CPython $cpython_cpu ms"
	awk -v a="$ours_cpu" -v b="$cpython_cpu" 'BEGIN { printf "CPU-time ratio: %.2fx\n", a / b }'
fi
echo "peak memory of one pipeline run (max RSS): $peak"

# Parse only: our syntax tree ("ast", with the compile-time checks) and the
# analyzer's outline, against CPython's ast.parse, in MB/s.
dirs=$corpus
[ -d "$stdlib" ] && dirs="$corpus:$stdlib"
echo "parse only (MB/s, best of $count):"
(cd analyzer/python/pyparse && ASTER_PARSE_DIRS="$dirs" "$work/pyparse.test" \
	-test.run '^$' -test.bench '^BenchmarkParse$' -test.benchtime 3x -test.count "$count") > "$work/parse.txt"
for dir in $(echo "$dirs" | tr ':' ' '); do
	name=$(basename "$dir")
	for kind in ast outline; do
		awk -v n="BenchmarkParse/$name/$kind" 'index($1, n) == 1 { if ($(NF-1) + 0 > best) best = $(NF-1) + 0 } END { printf "  ours %-8s %-14s %7.1f MB/s\n", kind, name, best }' kind="$kind" name="$name" "$work/parse.txt"
	done
	mbs=$("$python" bench/cpython_parse.py "$dir" "$count" | sed -n 's/.*(\([0-9.]*\) MB\/s.*/\1/p')
	printf '  CPython ast.parse %-14s %7.1f MB/s\n' "$name" "$mbs"
done
if [ -r /proc/loadavg ]; then
	echo "load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg) on $(getconf _NPROCESSORS_ONLN) cores"
fi
