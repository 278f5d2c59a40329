"""Time CPython's ast.parse over the benchmark corpus.

Usage: python3 cpython_parse.py DIR [ROUNDS]

DIR is the corpus written by BenchmarkContractGenCorpus when
ASTER_BENCH_CORPUS=DIR is set. Each round reads and parses every .py file
in DIR; the best round is reported.
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
    files = sorted(os.path.join(root, f) for f in os.listdir(root) if f.endswith(".py"))
    best = None
    for _ in range(rounds):
        start = time.perf_counter()
        for path in files:
            with open(path, "rb") as f:
                ast.parse(f.read(), filename=path)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(f"{len(files)} files, best of {rounds}: {best * 1000:.1f} ms "
          f"({sys.implementation.name} {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
