#!/bin/sh
# Runs the Python front-end benchmark and the CPython baseline on the same
# generated corpus, and prints the ratio and the peak memory of one run.
#
# Usage: bench/run.sh [COUNT]   (COUNT pipeline runs, default 5; best is kept)
set -eu
cd "$(dirname "$0")/.."
count=${1:-5}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"

go test -c -o "$work/python.test" ./analyzer/python

# The first run writes the corpus; every run times the whole pipeline.
(cd analyzer/python && ASTER_BENCH_CORPUS="$corpus" "$work/python.test" \
	-test.run '^$' -test.bench ContractGenCorpus -test.benchtime 1x -test.count "$count") |
	tee "$work/go.txt" | grep '^Benchmark'
ours=$(awk '/^Benchmark/ { ns = $3 + 0; if (best == "" || ns < best) best = ns } END { printf "%.1f", best / 1e6 }' "$work/go.txt")

peak=unknown
if [ -x /usr/bin/time ]; then
	(cd analyzer/python && ASTER_BENCH_CORPUS="$corpus" /usr/bin/time -f '%M' -o "$work/rss.txt" "$work/python.test" \
		-test.run '^$' -test.bench ContractGenCorpus -test.benchtime 1x >/dev/null)
	peak=$(awk '{ printf "%.0f MiB", $1 / 1024 }' "$work/rss.txt")
fi

python3 bench/cpython_parse.py "$corpus" "$count" | tee "$work/py.txt"
cpython=$(sed -n 's/.*: \([0-9.]*\) ms.*/\1/p' "$work/py.txt")

echo "ours (whole pipeline, best of $count): $ours ms"
echo "CPython ast.parse (best of $count):    $cpython ms"
awk -v a="$ours" -v b="$cpython" 'BEGIN { printf "ratio: %.2fx\n", a / b }'
echo "peak memory of one pipeline run (max RSS): $peak"
if [ -r /proc/loadavg ]; then
	echo "load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg) on $(getconf _NPROCESSORS_ONLN) cores"
fi
