import collections
import collections.abc
from collections import namedtuple, OrderedDict, defaultdict, deque, Counter

Pair = namedtuple("Pair", "left right")
Triple = namedtuple("Triple", ["a", "b", "c"], defaults=[0, 1])
p = Pair(1, right=2)
pair_info = (p.left, p.right, p[0], len(p), p._asdict(), p._replace(left=5), Pair._fields, tuple(p), p == (1, 2))
t = Triple(9)
triple_info = (t, Triple._field_defaults, Triple._make([1, 2, 3]))
try:
    Pair(1)
except TypeError as e:
    missing = str(e)
try:
    namedtuple("Bad", "a _b")
except ValueError as e:
    bad_field = str(e)
od = OrderedDict([("b", 1), ("a", 2)])
od["c"] = 3
od.move_to_end("b")
od_info = (list(od), od.popitem(), od.popitem(last=False), repr(OrderedDict()))
dd = defaultdict(list)
dd["x"].append(1)
dd["y"]
dd_info = (dict(dd), "z" in dd, dd.default_factory is list)
dq = deque([1, 2, 3], maxlen=3)
dq.append(4)
dq.appendleft(0)
dq_info = (list(dq), len(dq), dq[0], dq.pop(), dq.popleft())
c = Counter("abracadabra")
c_info = (c["a"], c["z"], c.most_common(2), c.total(), sorted(c.elements())[:3])
abc_names = [collections.abc.Mapping.__name__, issubclass(collections.abc.MutableMapping, collections.abc.Mapping)]
aliases = [repr(collections.deque[int]), repr(collections.OrderedDict[str, int]),
           repr(collections.defaultdict[str, list[int]]), repr(collections.Counter[str])]
del collections, namedtuple, OrderedDict, defaultdict, deque, Counter, Pair, Triple, p, t, od, dd, dq, c
