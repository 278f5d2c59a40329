# Runs Python feature scripts as __main__ and writes, next to each
# script, a .golden file with its public globals ("name = repr", with
# addresses removed) and the exception that stopped it, if any. These
# goldens are what pyrt's differential tests compare against; refresh
# them with: go test ./analyzer/python/internal/pyrt -run TestFeatures -update
import os
import re
import sys

ADDR = re.compile(r" at 0x[0-9a-f]+")


def dump(path, src=None):
    if src is None:
        with open(path, encoding="utf-8") as f:
            src = f.read()
    ns = {"__name__": "__main__", "__file__": path}
    lines = []
    try:
        exec(compile(src, path, "exec"), ns)
    except Exception as e:  # noqa: BLE001 - the exception is the result
        lines.append(ADDR.sub("", "error: " + type(e).__name__ + ": " + str(e)))
    for k, v in ns.items():
        if not k.startswith("__"):
            lines.append(k + " = " + ADDR.sub("", repr(v)))
    return "".join(line + "\n" for line in lines)


def dump_import(directory):
    """Imports main from directory (first on sys.path) and returns its
    globals, or the exception the import raised, with the directory's
    absolute path written as <dir>."""
    import importlib
    import os

    root = os.path.abspath(directory)
    sys.path.insert(0, root)
    lines = []
    try:
        mod = importlib.import_module("main")
        for k, v in vars(mod).items():
            if not k.startswith("__"):
                lines.append(k + " = " + ADDR.sub("", repr(v)))
    except Exception as e:  # noqa: BLE001 - the exception is the result
        lines.append("error: " + type(e).__name__ + ": " + str(e))
    finally:
        sys.path.remove(root)
        for name in [m for m, v in sys.modules.items() if getattr(v, "__file__", "") and v.__file__.startswith(root)]:
            del sys.modules[name]
    return "".join(line.replace(root, "<dir>") + "\n" for line in lines)


if __name__ == "__main__":
    if sys.version_info[:2] != (3, 11):
        sys.exit("CPython 3.11 is required")
    if sys.argv[1] == "--programs":
        # Sources as a JSON list on stdin; dumps as a JSON list on stdout.
        import json
        import signal

        def timeout(*_):
            raise TimeoutError("ran too long")

        signal.signal(signal.SIGALRM, timeout)
        out = []
        for src in json.load(sys.stdin):
            signal.alarm(2)
            try:
                out.append(dump("<program>", src))
            except TimeoutError:
                out.append("timeout")
            finally:
                signal.alarm(0)
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.exit(0)
    if sys.argv[1] == "--import":
        for d in sys.argv[2:]:
            with open(os.path.join(d, "golden"), "w", encoding="utf-8") as f:
                f.write(dump_import(d))
        sys.exit(0)
    for p in sys.argv[1:]:
        with open(p[: -len(".py")] + ".golden", "w", encoding="utf-8") as f:
            f.write(dump(p))
