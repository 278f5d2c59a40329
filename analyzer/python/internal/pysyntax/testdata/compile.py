"""Compile sources with CPython and print one verdict per source.

stdin holds records: an 8-byte big-endian length, then that many bytes of
source. For each record one line is printed: "OK", or
"ERR\t<line>\t<class>\t<message>" for what compile() raises.
"""
import sys
import warnings

warnings.simplefilter("ignore")


def main():
    data = sys.stdin.buffer.read()
    out = []
    i = 0
    while i < len(data):
        n = int.from_bytes(data[i:i + 8], "big")
        src = data[i + 8:i + 8 + n]
        i += 8 + n
        try:
            compile(src, "<mutant>", "exec", dont_inherit=True)
            out.append("OK")
        except SyntaxError as e:
            msg = str(e.msg).replace("\n", " ").replace("\t", " ")
            out.append(f"ERR\t{e.lineno}\t{type(e).__name__}\t{msg}")
        except (ValueError, MemoryError, RecursionError) as e:
            msg = str(e).replace("\n", " ").replace("\t", " ")
            out.append(f"ERR\t0\t{type(e).__name__}\t{msg}")
    sys.stdout.write("\n".join(out) + "\n")


main()
