package pystdlib

// logging: inert. Loggers exist and their methods do nothing.
func init() {
	models["logging"] = &model{src: `
CRITICAL = FATAL = 50
ERROR = 40
WARNING = WARN = 30
INFO = 20
DEBUG = 10
NOTSET = 0

class Logger:
    def __init__(self, name, level=NOTSET):
        self.name = name
        self.level = level
        self.handlers = []
        self.propagate = True
    def _ignore(self, *args, **kwargs):
        pass
    debug = info = warning = warn = error = exception = critical = fatal = log = _ignore
    addHandler = removeHandler = addFilter = removeFilter = _ignore
    def setLevel(self, level):
        self.level = level
    def isEnabledFor(self, level):
        return False
    def getChild(self, suffix):
        return getLogger(self.name + '.' + suffix)
    def __repr__(self):
        return '<Logger %s (NOTSET)>' % self.name

class Handler:
    def __init__(self, *args, **kwargs):
        pass
    def setLevel(self, level):
        pass
    def setFormatter(self, fmt):
        pass

class StreamHandler(Handler):
    pass

class NullHandler(Handler):
    pass

class Formatter:
    def __init__(self, *args, **kwargs):
        pass

_loggers = {}
root = Logger('root', WARNING)

def getLogger(name=None):
    if not name or name == 'root':
        return root
    if name not in _loggers:
        _loggers[name] = Logger(name)
    return _loggers[name]

def basicConfig(**kwargs):
    pass

def _ignore(*args, **kwargs):
    pass

debug = info = warning = warn = error = exception = critical = log = disable = captureWarnings = _ignore
`}
}
