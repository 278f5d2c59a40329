package python

import (
	"errors"
	"strings"
	"testing"

	"github.com/asterkit/aster/analyzer"
)

const plainMethod = "    @rpc\n    async def a(self, r: R) -> R: ...\n"

// Helpers decorated by standard-library objects, and class attributes bound
// to standard-library calls, are provably not aster methods: the service
// has the id of its twin without them.
func TestStdlibHelpersKeepID(t *testing.T) {
	_, want := mustAnalyse(t, map[string]string{"m.py": svcWith("", plainMethod)}, "m:S")
	for _, tc := range []struct{ name, head, body string }{
		{"functools.cache", "import functools\n", "    @functools.cache\n    def helper(self) -> int: return 1\n"},
		{"lru_cache called", "import functools\n", "    @functools.lru_cache(maxsize=8)\n    def helper(self, n: int) -> int: return n\n"},
		{"lru_cache constant name", "from functools import lru_cache\nSIZE = 4 * 2\n", "    @lru_cache(maxsize=SIZE, typed=True)\n    def helper(self, n: int) -> int: return n\n"},
		{"imported cache", "from functools import cache\n", "    @cache\n    def helper(self) -> int: return 1\n"},
		{"aliased module", "import functools as ft\n", "    @ft.cache\n    def helper(self) -> int: return 1\n"},
		{"abstractmethod", "import abc\n", "    @abc.abstractmethod\n    def helper(self) -> int: ...\n"},
		{"asynccontextmanager", "import contextlib\n", "    @contextlib.asynccontextmanager\n    async def session(self):\n        yield self\n"},
		{"stacked", "from abc import abstractmethod\nfrom contextlib import asynccontextmanager\n", "    @abstractmethod\n    @asynccontextmanager\n    async def session(self):\n        yield self\n"},
		{"staticmethod over cache", "import functools\n", "    @staticmethod\n    @functools.cache\n    def helper() -> int: return 1\n"},
		{"wraps of a stdlib function", "import functools, logging\n", "    @functools.wraps(logging.getLogger)\n    def helper(self): ...\n"},
		{"module-level alias", "import functools\nmemo = functools.cache\n", "    @memo\n    def helper(self) -> int: return 1\n"},
		{"logger", "import logging\n", "    logger = logging.getLogger(__name__)\n"},
		{"named logger", "import logging\n", "    log = logging.getLogger(\"svc\")\n"},
		{"lock", "import threading\n", "    lock = threading.Lock()\n"},
		{"pattern", "import re\n", "    pattern = re.compile(\"x\")\n"},
		{"pattern with stdlib flag", "import re\n", "    pattern = re.compile(\"y\", re.IGNORECASE)\n"},
		{"submodule", "from concurrent.futures import ThreadPoolExecutor\n", "    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix=(\"svc\"))\n"},
		{"dotted import", "import logging.handlers\n", "    handler = logging.handlers.RotatingFileHandler\n"},
		{"class-body import", "", "    import logging\n    logger = logging.getLogger(__name__)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, got := mustAnalyse(t, map[string]string{"m.py": svcWith(tc.head, plainMethod+tc.body)}, "m:S")
			if n := len(res.Service.Methods); n != 1 {
				t.Fatalf("%d methods, want 1", n)
			}
			if got.ID != want.ID {
				t.Errorf("id %x, want %x (the service without the helper)", got.ID, want.ID)
			}
		})
	}
}

// An inherited standard-library attribute is as harmless as an own one.
func TestStdlibInheritedAttribute(t *testing.T) {
	_, want := mustAnalyse(t, map[string]string{"m.py": svcWith("", plainMethod)}, "m:S")
	src := svcWith("import logging\nclass Base:\n    logger = logging.getLogger(__name__)\n", plainMethod)
	src = strings.Replace(src, "class S:\n", "class S(Base):\n", 1)
	_, got := mustAnalyse(t, map[string]string{"m.py": src}, "m:S")
	if got.ID != want.ID {
		t.Errorf("id %x, want %x", got.ID, want.ID)
	}
}

// A standard-library object re-exported by a user module is still one.
func TestStdlibReexported(t *testing.T) {
	_, want := mustAnalyse(t, map[string]string{"m.py": svcWith("", plainMethod)}, "m:S")
	for _, head := range []string{"from helpers import cache\n", "import helpers\ncache = helpers.cache\n"} {
		files := map[string]string{
			"helpers.py": "from functools import cache\n",
			"m.py":       svcWith(head, plainMethod+"    @cache\n    def helper(self) -> int: return 1\n"),
		}
		_, got := mustAnalyse(t, files, "m:S")
		if got.ID != want.ID {
			t.Errorf("%q: id %x, want %x", head, got.ID, want.ID)
		}
	}
}

// A module of the user's own found on the search path shadows the standard
// library's module of the same name, as in CPython.
func TestStdlibShadowedByUserModule(t *testing.T) {
	_, want := mustAnalyse(t, map[string]string{"m.py": svcWith("", plainMethod+"    @rpc\n    async def b(self, r: R) -> R: ...\n")}, "m:S")
	files := map[string]string{
		"functools.py": "from aster import rpc\ncache = rpc\n",
		"m.py":         svcWith("import functools\n", plainMethod+"    @functools.cache\n    async def b(self, r: R) -> R: ...\n"),
	}
	_, got := mustAnalyse(t, files, "m:S")
	if got.ID != want.ID {
		t.Errorf("a user functools.cache bound to rpc: id %x, want %x (b is an aster method)", got.ID, want.ID)
	}
	files = map[string]string{
		"logging.py": "def getLogger(name):\n    return name\n",
		"m.py":       svcWith("import logging\n", plainMethod+"    logger = logging.getLogger(__name__)\n"),
	}
	_, got = mustAnalyse(t, files, "m:S")
	_, want = mustAnalyse(t, map[string]string{"m.py": svcWith("", plainMethod)}, "m:S")
	if got.ID != want.ID {
		t.Errorf("a user logging module whose getLogger returns a str: id %x, want %x (logger is no method)", got.ID, want.ID)
	}
}

// What is not provably harmless stays an error at its position.
func TestStdlibStillErrors(t *testing.T) {
	for _, tc := range []struct {
		name, head, body string
		pos, msg         string
	}{
		{"wraps of the aster method", "import functools\n", "    @functools.wraps(a)\n    def b(self): ...\n", "m.py:12:6", "could be an aster method decorator"},
		{"wraps of a module function", "import functools\ndef f(): ...\n", "    @functools.wraps(f)\n    def b(self): ...\n", "m.py:13:6", "could be an aster method decorator"},
		{"update_wrapper of the aster method", "import functools\ndef w(): ...\n", "    b = functools.update_wrapper(w, a)\n", "m.py:13:9", "could be an aster method"},
		{"aster object argument", "import functools\n", "    b = functools.partial(rpc)\n", "m.py:12:9", "could be an aster method"},
		{"aster decorator argument", "import functools\n", "    @functools.partial(rpc)\n    def b(self): ...\n", "m.py:12:6", "could be an aster method decorator"},
		{"unresolvable argument", "import functools\n", "    @functools.lru_cache(maxsize=N)\n    def b(self): ...\n", "m.py:12:34", "NameError: name 'N' is not defined"},
		{"unpacked argument", "import functools\nKW = {}\n", "    @functools.lru_cache(**KW)\n    def b(self): ...\n", "m.py:13:6", "could be an aster method decorator"},
		{"aster decorator with cache", "import functools\n", "    @rpc\n    @functools.cache\n    async def b(self, r: R) -> R: ...\n", "m.py:13:5", "aster methods cannot carry other decorators (@functools.cache)"},
		{"cache over aster decorator", "import functools\n", "    @functools.cache\n    @rpc\n    async def b(self, r: R) -> R: ...\n", "m.py:12:5", "aster methods cannot carry other decorators (@functools.cache)"},
		{"lookup by name", "import pydoc\n", "    b = pydoc.locate(\"m.S.a\")\n", "m.py:12:9", "could be an aster method"},
		{"eval", "import builtins\n", "    b = builtins.eval(\"a\")\n", "m.py:12:9", "could be an aster method"},
		{"calls its argument", "import operator\n", "    @operator.call\n    def b(self): return a\n", "m.py:12:6", "could be an aster method decorator"},
		{"reaching partial", "import functools, pydoc\n", "    @functools.partial(pydoc.locate, \"m.S.a\")\n    def b(self): ...\n", "m.py:12:6", "could be an aster method decorator"},
		{"annotations", "import typing\n", "    @typing.get_type_hints\n    def b(self) -> a: ...\n", "m.py:12:6", "could be an aster method decorator"},
		{"registered hook", "import signal\n", "    b = signal.getsignal(2)\n", "m.py:12:9", "could be an aster method"},
		{"dunder", "import functools\n", "    b = functools.cache.__wrapped__\n", "m.py:12:25", "AttributeError: 'function' object has no attribute '__wrapped__'"},
		{"third-party", "import cachetools\n", "    @cachetools.cached(1)\n    def b(self): ...\n", "m.py:12:6", "could be an aster method decorator"},
		{"modelled module, aster argument", "import typing\n", "    @typing.no_type_check_decorator(a)\n    def b(self): ...\n", "m.py:12:6", "could be an aster method decorator"},
		{"lambda attribute", "", "    @(lambda f: f).x\n    def b(self): ...\n", "m.py:11:20", "AttributeError: 'function' object has no attribute 'x'"},
		{"declared global", "import functools\ndef g():\n    global functools\n", "    @functools.cache\n    def b(self): ...\n", "m.py:14:6", "could be an aster method decorator"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := analyse(t, map[string]string{"m.py": svcWith(tc.head, plainMethod+tc.body)}, "m:S")
			var ae *analyzer.Error
			if !errors.As(err, &ae) {
				t.Fatalf("got %v (%T), want a positioned error", err, err)
			}
			if !strings.HasPrefix(err.Error(), tc.pos+": ") || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("got %q, want %s: …%s…", err, tc.pos, tc.msg)
			}
		})
	}
}

// The standard-library table is CPython 3.11's sys.stdlib_module_names.
func TestStdlibNamesMatchCPython(t *testing.T) {
	var want []string
	runCPython(t, "import sys, json; print(json.dumps(sorted(sys.stdlib_module_names)))", &want)
	if len(want) != len(stdlibModules) {
		t.Errorf("%d names, CPython has %d", len(stdlibModules), len(want))
	}
	for _, n := range want {
		if !stdlibModules[n] {
			t.Errorf("%s missing", n)
		}
	}
}
