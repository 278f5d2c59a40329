import enum
import json
from json import JSONDecodeError


class Color(enum.IntEnum):
    RED = 1


class Name(str):
    pass


doc = {"b": [1, 2.5, None, True, False], "a": {"x": "é\n\"q\"", "y": ()}, "c": "😀\x7f"}
compact = json.dumps(doc)
pretty = json.dumps(doc, indent=2, sort_keys=True)
tabbed = json.dumps(doc, indent="\t")
zero = json.dumps([1, [2, {}], []], indent=0)
negative = json.dumps([1, [2]], indent=-3)
tight = json.dumps(doc, separators=(",", ":"))
unicode = json.dumps(doc, ensure_ascii=False)
keys = json.dumps({1: "int", 2.5: "float", True: "bool", None: "none", Color.RED + 1: "enum"})
subclasses = json.dumps({Name("k"): [Color.RED, Name("v"), 1e100, -0.0, 10**30]})
specials = json.dumps([float("nan"), float("inf"), -float("inf")])
skipped = json.dumps({(1, 2): 3, "ok": 4}, skipkeys=True)
defaulted = json.dumps({"s": {1, 2}}, default=sorted)


def attempt(f, *args, **kwargs):
    try:
        return f(*args, **kwargs)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


not_serializable = attempt(json.dumps, {"s": {1}})
bad_key = attempt(json.dumps, {(1,): 2})
nan_refused = attempt(json.dumps, [float("nan")], allow_nan=False)
nan_refused_indent = attempt(json.dumps, [float("inf")], allow_nan=False, indent=1)
mixed_sort = attempt(json.dumps, {1: 1, "a": 2}, sort_keys=True)
loop = []
loop.append(loop)
circular = attempt(json.dumps, loop)

loaded = json.loads('{"a": [1, 2.5, -0, 1e400, null, true, false, "x\\u00e9\\ud83d\\ude00"], "a": 3, "b": {}}')
loaded_bytes = json.loads(b' [1, "\xc3\xa9"] ')
big = json.loads("123456789012345678901234567890")
consts = json.loads("[NaN, Infinity, -Infinity]")
errors = [
    attempt(json.loads, text)
    for text in ["", "  ", "[1,]", '{"a":1,}', "{1: 2}", '{"a" 1}', '{"a": 1 "b": 2}', "[1 2]", '"abc',
                 '"a\\qb"', '"\\u12"', '"\\uZZZZ"', '"\\ud800\\u12"', '"\\u1234', '"a\tb"', "[1] x", "\n\n  [1,\n 2,,]",
                 "tru", "-", "-x", "01", "1.", "\ufeff[]", "[é x]", "{\"é\": 1, x}"]
]
try:
    json.loads("[1, 2, oops]")
except JSONDecodeError as e:
    decode_error = (e.msg, e.pos, e.lineno, e.colno, e.doc, isinstance(e, ValueError), repr(e), type(e).__module__)
wrong_type = attempt(json.loads, 12)
del enum, json, Color, Name, attempt, loop
