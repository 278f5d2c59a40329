from __future__ import annotations
import a.b as c, d
from .. import x
from .m import (y as z,)
from m import *
x: list[int] | None = 1
a = b = 1, 2
a, *b = c
(a, b) = [c] = d
x += 1
print(a if b else c, not a, a and b or c, -a ** 2, a < b <= c, a not in b, a is not b)
f(a, *b, c=1, **d)
f(x for x in y if x)
{1: 2, **d}
{a for a in b}
{a: b for a, b in c}
s = 'a' "b\n" f"{x!r:>{w}} {y=}" r'x'
del a, b
global q
assert x, y
raise X from Y
lambda a, *b, c=1, **d: a
t[1:2, ::3, *a]
a.b.c(d)[e]
...
if a:
    pass
elif b:
    pass
else:
    x = 1
for a, b in c:
    continue
else:
    pass
while x: pass
try:
    pass
except E as e:
    pass
except (A, B):
    pass
else:
    pass
finally:
    pass
with a as b, c:
    pass
with (a as b, c):
    pass
@dec
@dec2(1)
class C(B, metaclass=M):
    "doc"
    def f(self, a: int = 1, /, *, b, **kw) -> int:
        "fdoc"
        global g
        yield 1
    async def g(): return await x
x = (1)
y = ()
z = [*a, b]
def f(a: int, *args: int, b=1, **kw: str): pass
match x:
    case [1, *v] | {"k": v} if v:
        pass
    case Point(x=0, y=_) as q:
        pass
    case -1 | 1+2j | "a" "b" | None | a.b:
        pass
    case (a, b):
        pass
    case _:
        pass
try:
    pass
except* E as e:
    pass
s = r'a\d' + b'\u1234\n' + f'{{a}}{b:{c}x}' '''x
y'''
def gen():
    x = yield a, b
print(f"{a, b}")
async def f():
    async with a: pass
    async for x in y: pass
with (a): pass
with (a) as b: pass
f(*(a))
x = -1j + 1.5 + 1e5 + 0xE
del (a), [b]
for (a) in b: pass
class K:
    x = 1  # trailing comment joins the class body
        # a deeper comment stays in the block
    # so does one at the block's indentation
# but not one at the module's
def g(a, b=2, *, c: int = 3, **d):
    if a:
        global G
    return (yield)
async def h():
    return [await x async for x in y]
x = r'\\' + r"\"" + b'\N{x}' + '\N{EM DASH}' + f'{x!a}{{' '{y:{z}}'
t = x[a:b], x[::], x[1:2, ...]
v = not a or b and not c
w = a if b else lambda: c
z = {**a, 'b': c}
q = [i for i in range(3) if i if not i for j in i]
del x[0], y.z
@property
def p(self): ...
with a as (b, c), d as [e]: pass
for *a, b in c: pass
print(*args, sep='', **kw)
i: int
(j): int = 1
k.l: int
m[0]: int = 2
n = o = p = 3
r += 1; s -= 2; u **= 3; w //= 4; v >>= 5; y @= 6
match (a, b):
    case (1, 2) | [3, 4]:
        pass
    case {1: _, 'x': [*_]}:
        pass
    case Cls(1, y=2):
        pass
    case str() | bytes():
        pass
if a:
    pass
elif b:
    pass
elif c:
    pass
lambda: (yield)
x = 1 if 2 else 3 if 4 else 5
assert isinstance(x, int), "msg"
raise
try:
    pass
finally:
    pass
while 1:
    break
else:
    pass
