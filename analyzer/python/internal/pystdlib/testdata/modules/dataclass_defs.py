import dataclasses
from dataclasses import dataclass, field, fields, is_dataclass, asdict
from typing import ClassVar, List, Optional

@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    label: Optional[str] = field(default=None)
    count: ClassVar[int] = 0

@dataclass(frozen=True)
class Frozen:
    name: str
    size: int = 3

@dataclass
class Point3(Point):
    z: int = 5

class Plain:
    pass

p = Point(1, 2)
p_repr = repr(p)
p_kw = Point(x=3, label="a")
eq = (Point(1) == Point(1), Point(1) == Point(2))
names = [(f.name, f.type, f.default, f.default_factory is dataclasses.MISSING) for f in fields(Point)]
names3 = [f.name for f in fields(Point3)]
p3 = Point3(1, 2, ["t"], "l", 9)
checks = (is_dataclass(Point), is_dataclass(p), is_dataclass(Plain), is_dataclass(Plain()))
as_dict = asdict(p3)
fr = Frozen("n")
try:
    fr.size = 4
except dataclasses.FrozenInstanceError as e:
    frozen_error = str(e)
frozen_hash = hash(fr) == hash(Frozen("n", 3))
class_attr = (Point.y, Point.label, Point.count)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    order_error = str(e)
try:
    @dataclass
    class Mutable:
        a: list = []
except ValueError as e:
    mutable_error = str(e)
try:
    fields(Plain)
except TypeError as e:
    fields_error = str(e)
del dataclasses, dataclass, field, fields, is_dataclass, asdict, ClassVar, List, Optional, Point, Frozen, Point3, Plain
