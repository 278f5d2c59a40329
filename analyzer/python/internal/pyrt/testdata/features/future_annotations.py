from __future__ import annotations

class Model:
    a: int
    b: "Forward"
    c: list[ int ]
    d: dict[str, "X"]
    e: Optional[int] = None
    f: int | None
    g: typing.List[Tuple[int, ...]]
    h: Literal["x", 'y', 1, -2, 3.5, b"z"]
    i: Callable[[int, str], None]
    j: Annotated[int, Field(gt=0, *args, **kw)]
    k: (int)
    l: a.b.c
    m: 1 + 2 * 3
    n: (1 + 2) * 3
    o: -x ** 2
    p: not a
    q: a < b <= c

def fn(x: List[int], *args: int, y: "str" = "d", **kw: Dict[str, int]) -> Iterator[ "Model" ]:
    pass

ANN = Model.__annotations__
FN = fn.__annotations__
top: Set[int] = set()
