import functools
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, Union, NewType, Literal, TypeVar

if TYPE_CHECKING:
    from decimal import Decimal
checking = TYPE_CHECKING

UserId = NewType("UserId", int)
uid = UserId(7)
reprs = [repr(x) for x in (Any, List, Optional, List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None, int], Tuple[int, ...], Literal["a", 1], Optional[List[str]])]
single = Union[int]
origins = [x.__origin__ for x in (List[int], Dict[str, int], Tuple[int])]
args = [x.__args__ for x in (List[int], Optional[int], Union[int, Union[str, bytes]], Dict[str, int])]
eq = List[int] == List[int]
T = TypeVar("T")
t_repr = repr(T)

from typing import NamedTuple

class Version(NamedTuple):
    major: int
    minor: int = 0
    def label(self):
        return "v%d.%d" % self

v = Version(3)
nt_info = (v, v.label(), Version._fields, Version.__annotations__, repr(Version), v == (3, 0), Version(1, 2).minor)
try:
    class BadNT(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    nt_error = str(e)
from typing import TypedDict

class Msg(TypedDict):
    a: int
    b: str

class Sub(Msg, total=False):
    c: float

td_info = (Msg(a=1, b="x"), type(Msg(a=1)), Msg.__annotations__, Sub.__annotations__, Msg.__total__, Sub.__total__, repr(Msg))
from typing import Generic, Protocol

class Box(Generic[T]):
    pass

class Shape(Protocol):
    def area(self) -> float: ...

box_alias = Box[int]
generic_info = (repr(box_alias), box_alias.__origin__ is Box, box_alias.__args__, Box.__mro__[1:], repr(Box[Dict[str, int]]))
del NamedTuple, Version, v, TypedDict, Msg, Sub, Generic, Protocol, Box, Shape, box_alias

p = functools.partial(int, base=2)
parsed = p("101")
add = functools.partial(lambda a, b, c=0: a + b + c, 1)
sums = (add(2), add(2, c=3))
total = functools.reduce(lambda a, b: a * b, [1, 2, 3, 4])
total0 = functools.reduce(lambda a, b: a + b, [], 10)
try:
    functools.reduce(lambda a, b: a + b, [])
except TypeError as e:
    reduce_error = str(e)

@functools.lru_cache(maxsize=None)
def cached(x):
    return x * 2

@functools.cache
def cached2(x):
    return x + 1

results = (cached(2), cached2(2))
del Any, Dict, List, Optional, Tuple, Union, NewType, Literal, TypeVar, TYPE_CHECKING
del functools, p, add, cached, cached2, UserId, T
