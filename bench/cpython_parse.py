"""Time CPython's ast.parse over the .py files of a directory.

Usage: python3 cpython_parse.py DIR [ROUNDS]

DIR is searched recursively (the benchmark corpus written by
BenchmarkContractGenCorpus when ASTER_BENCH_CORPUS=DIR is set, or the
standard library). Each round reads and parses every file; the best round
is reported with the parse throughput, and the least CPU time a round
took (which moves less with the machine's load).
"""
import ast
import os
import sys
import time


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: cpython_parse.py DIR [ROUNDS]")
    root = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".py"))
    size = sum(os.path.getsize(f) for f in files)
    best = cpu = None
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        for path in files:
            with open(path, "rb") as f:
                ast.parse(f.read(), filename=path)
        elapsed, used = time.perf_counter() - start, time.process_time() - start_cpu
        best = elapsed if best is None else min(best, elapsed)
        cpu = used if cpu is None else min(cpu, used)
    print(f"{len(files)} files, {size / 1e6:.1f} MB, best of {rounds}: {best * 1000:.1f} ms "
          f"({size / 1e6 / best:.1f} MB/s; {sys.implementation.name} {sys.version.split()[0]}); "
          f"CPU time {cpu * 1000:.1f} ms")


if __name__ == "__main__":
    main()
