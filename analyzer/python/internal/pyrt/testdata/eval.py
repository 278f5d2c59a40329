# Evaluates Python expressions read as a JSON list from stdin and prints,
# as a JSON list, "ok:" + repr(result) or "err:" + "Type: message" for
# each. Used by pyrt's generated-input differential tests.
import json
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("CPython 3.11 is required")
out = []
for expr in json.load(sys.stdin):
    try:
        out.append("ok:" + repr(eval(expr, {})))
    except Exception as e:  # noqa: BLE001 - the exception is the result
        out.append("err:" + type(e).__name__ + ": " + str(e))
json.dump(out, sys.stdout, ensure_ascii=False)
