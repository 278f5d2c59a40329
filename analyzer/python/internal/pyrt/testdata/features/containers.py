l = [3, 1, 2]
l.append(4)
l.extend([0, 5])
l.insert(1, 9)
popped = l.pop(), l.pop(0)
l.remove(9)
l.sort()
l2 = sorted([3, 1, 2], reverse=True)
l3 = sorted(["b", "A", "c"], key=str.lower)
l4 = l[::-1]
l[1:3] = ["x", "y", "z"]
del l[0]
idx = l.index("y"), l.count("x")
nested = [[1, 2], [3]]
flat = [x for sub in nested for x in sub]
t = (1, 2, 3)
tt = t + (4,), t * 2, t[1:], t.index(2), t.count(3), tuple("ab"), (1,), ()
d = {"a": 1, "b": 2}
d["c"] = 3
d.update(x=9)
d.setdefault("a", 100)
d.setdefault("z", [])
dk = list(d.keys()), list(d.values()), list(d.items()), d.get("q"), d.get("q", 0), "a" in d
dp = d.pop("b"), d.pop("nope", None)
del d["c"]
merged = {**d, "new": 1} | {"a": 0}
dc = {k: v for k, v in zip("abc", range(3))}
fromkeys = dict.fromkeys(["x", "y"], 0)
dd = dict([("a", 1)], b=2)
s = {3, 1, 2}
s.add(5)
s.discard(1)

sets = sorted(s | {9}), sorted(s & {2, 3}), sorted(s - {2}), sorted(s ^ {2, 7}), {1, 2} <= {1, 2, 3}, frozenset([1]) == {1}
r = list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -2)), range(10)[2:5], len(range(0, 10, 3)), 7 in range(0, 10, 7), range(3)
en = list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(map(lambda x: x * 2, [1, 2])), list(filter(None, [0, 1, "", "a"])), list(reversed([1, 2, 3]))
anyall = any([0, 1]), all([]), all([1, 0]), any(x > 2 for x in [1, 3])
gen = list(x * x for x in range(4) if x % 2 == 0)
setc = sorted({c for c in "hello"})
unpack_a, *unpack_rest = [1, 2, 3]
(u1, u2), u3 = (1, 2), 3
first, *middle, last = "abcde"
swap_a, swap_b = 1, 2
swap_a, swap_b = swap_b, swap_a
aug = [1]
aug += [2]
aug *= 2
cnt = {"n": 0}
cnt["n"] += 5
s = sorted(s)
