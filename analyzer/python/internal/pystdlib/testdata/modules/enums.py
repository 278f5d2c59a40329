import enum
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return self.name.lower()

class Level(IntEnum):
    LOW = auto()
    MID = auto()
    HIGH = 10
    TOP = auto()

class Mode(StrEnum):
    FAST = auto()
    SLOW = "slow-mode"

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W if False else 3

class Scope(IntFlag):
    PUBLIC = 1
    INTERNAL = 2
    ADMIN = 8

class Mixed(str, Enum):
    A = "a"
    B = "b"

colors = list(Color)
color_reprs = [repr(c) for c in Color]
color_strs = [str(c) for c in Color] + [f"{Color.RED}", format(Color.GREEN)]
alias = Color.CRIMSON is Color.RED
names = [c.name for c in Color], [c.value for c in Color]
lookups = (Color(2), Color["BLUE"], len(Color), Color.RED in Color, Color.RED.describe())
members = list(Color.__members__)
try:
    Color(9)
except ValueError as e:
    bad_value = str(e)
try:
    Color["NOPE"]
except KeyError as e:
    bad_name = repr(e)
levels = [(l.name, l.value, repr(l), str(l), f"{l}", l + 1) for l in Level]
level_cmp = (Level.LOW < Level.MID, Level.HIGH == 10, Level(10), isinstance(Level.LOW, int))
modes = [(m.name, m.value, repr(m), str(m), f"{m}", m == m.value) for m in Mode]
perms = list(Perm)
perm_ops = [repr(Perm.R | Perm.W), repr(Perm.R | Perm.X), str(Perm.R | Perm.X), repr(Perm.RW & Perm.R), repr(Perm.R & Perm.W), bool(Perm.R & Perm.W), Perm.R in Perm.RW, repr(~Perm.R), len(Perm)]
scopes = [repr(Scope.PUBLIC | Scope.INTERNAL), str(Scope.PUBLIC | Scope.ADMIN), Scope.PUBLIC | Scope.INTERNAL == 3, repr(Scope.PUBLIC | 2), f"{Scope.ADMIN}", list(Scope), int(Scope.ADMIN | Scope.PUBLIC)]
mixed = [repr(Mixed.A), str(Mixed.A), Mixed.A == "a", Mixed("b"), Mixed.A.upper()]
try:
    class Bad(StrEnum):
        X = 1
except TypeError as e:
    bad_str = str(e)
meta_name = type(Color).__name__

class Opts(Flag):
    NONE = 0
    A = 1
    B = 2
    AB = 3

opts = (list(Opts), len(Opts), list(Opts.__members__), Opts(0), Opts.NONE, repr(Opts), repr(Color))
del enum, Enum, IntEnum, StrEnum, Flag, IntFlag, auto, Color, Level, Mode, Perm, Scope, Mixed, Opts
