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
    def getEffectiveLevel(self):
        return self.level or root.level
    def __repr__(self):
        return '<%s %s (%s)>' % (type(self).__name__, self.name, getLevelName(self.getEffectiveLevel()))

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

_names = {CRITICAL: 'CRITICAL', ERROR: 'ERROR', WARNING: 'WARNING', INFO: 'INFO', DEBUG: 'DEBUG', NOTSET: 'NOTSET'}

def getLevelName(level):
    return _names.get(level, 'Level %s' % level)

class RootLogger(Logger):
    pass

_loggers = {}
root = RootLogger('root', WARNING)

def getLogger(name=None):
    if not name or name == 'root':
        return root
    if name not in _loggers:
        _loggers[name] = Logger(name)
    return _loggers[name]

def basicConfig(**kwargs):
    # The first call (or one with force=True) configures the root logger.
    if root.handlers and not kwargs.get('force'):
        return
    root.handlers = [StreamHandler()]
    if 'level' in kwargs:
        level = kwargs['level']
        if isinstance(level, str):
            level = {v: k for k, v in _names.items()}[level]
        root.setLevel(level)

def _ignore(*args, **kwargs):
    pass

debug = info = warning = warn = error = exception = critical = log = disable = captureWarnings = _ignore
`}
}
