import sys
import os
import os.path
from os import path as p2

new_enough = sys.version_info >= (3, 11)
too_new = sys.version_info >= (3, 12)
vi = sys.version_info[:2]
major, minor = sys.version_info.major, sys.version_info.minor
maxsize = sys.maxsize
byteorder = sys.byteorder
is_windows = sys.platform == "win32"
platform = sys.platform
service = os.environ.get("ASTER_TEST_NAME", "Ledger")
missing = os.environ.get("ASTER_TEST_MISSING", "fallback")
via_getenv = os.getenv("ASTER_TEST_NAME")
none_getenv = os.getenv("ASTER_TEST_MISSING")
indexed = os.environ["ASTER_TEST_NAME"]
present = "ASTER_TEST_NAME" in os.environ
try:
    os.environ["ASTER_TEST_MISSING"]
except KeyError as e:
    key_error = repr(e)
os.environ["ASTER_TEST_SET"] = "set here"
defaulted = (os.environ.setdefault("ASTER_TEST_NAME", "other"), os.environ.setdefault("ASTER_TEST_DEF", "d"), os.getenv("ASTER_TEST_DEF"))
popped = os.environ.pop("ASTER_TEST_SET"), os.environ.pop("ASTER_TEST_SET", "gone")
del os.environ["ASTER_TEST_DEF"]
after_del = "ASTER_TEST_DEF" in os.environ
try:
    os.environ["ASTER_TEST_BAD"] = 1
except TypeError as e:
    set_error = str(e)
sep, name = os.sep, os.name
same_path = os.path is p2
joins = [os.path.join("a", "b"), os.path.join("a/", "b", "c"), os.path.join("a", "/b", "c"), os.path.join("", "x"), os.path.join("a", "")]
bases = [os.path.basename(x) for x in ["a/b.py", "a/b/", "/", "", "b"]]
dirs = [os.path.dirname(x) for x in ["a/b.py", "a/b/", "/", "", "//x", "///a//b"]]
exts = [os.path.splitext(x) for x in ["a.py", ".bashrc", "a/b.tar.gz", "a.b/c", "..x", "a.", "...py"]]
norms = [os.path.normpath(x) for x in ["", "a/./b/../c", "/../a", "//a//b", "///a", "../../x", "a/..", "./", "a//b/"]]
try:
    os.path.join("a", 1)
except TypeError as e:
    join_error = str(e)
del sys, os, p2
