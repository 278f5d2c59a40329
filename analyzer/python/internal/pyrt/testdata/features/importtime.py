VERSION = (1, 4, 2)
SUPPORTED = ["v1", "v2", "v3"]
PARTS = ["billing", "ledger"]
SERVICE_NAME = "/".join(PARTS).title().replace("/", "")
ENABLED = bool(VERSION) and VERSION >= (1, 3)
LATEST = SUPPORTED[-1]
FLAGS = {"PUBLIC": 1, "INTERNAL": 2}
ALL = FLAGS["PUBLIC"] | FLAGS["INTERNAL"]

def wire_tag(package, name, version=VERSION[0]):
    return f"{package}.{name}.v{version}"

def make_newtype(name, base):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = base
    return new_type

UserId = make_newtype("UserId", int)
UID = UserId(7)

REGISTRY = {}

def service(name=None, version=1):
    def decorate(cls):
        REGISTRY[cls.__qualname__] = (name or cls.__name__, version, sorted(cls.__annotations__))
        cls.__service_name__ = name
        return cls
    return decorate

@service(name=SERVICE_NAME, version=VERSION[1])
class Ledger:
    balance: int
    owner: "str"
    tag = wire_tag("acme", "ledger")

class Plain:
    x: int = 3

Wrapped = service()(Plain)

def fields(cls):
    out = []
    for klass in reversed(cls.__mro__):
        for k, v in klass.__dict__.get("__annotations__", {}).items():
            out.append((k, v if isinstance(v, str) else v.__name__, klass.__dict__.get(k, "MISSING")))
    return out

class Base:
    id: int = 0
class Derived(Base):
    name: str = "n"
    score: float

F = fields(Derived)

class EnumMeta(type):
    def __new__(mcs, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_") and not callable(v)}
        cls = super().__new__(mcs, name, bases, ns)
        cls._members = members
        return cls
    def __iter__(cls):
        return iter(cls._members.items())
    def __len__(cls):
        return len(cls._members)

class Color(metaclass=EnumMeta):
    RED = 1
    GREEN = 2
    def describe(self):
        return "color"

COLORS = list(Color), len(Color)
try:
    import orjson as json_lib
except ImportError:
    json_lib = None
HAS_ORJSON = json_lib is not None
TYPE_CHECKING = False
if TYPE_CHECKING:
    from decimal import Decimal
VERSION_STR = ".".join(map(str, VERSION))
HEADER = "%s/%s (%d)" % (SERVICE_NAME, VERSION_STR, len(SUPPORTED))
TAGS = sorted({wire_tag("acme", n) for n in ("a", "b", "a")})
