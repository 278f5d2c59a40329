import ns.a
import ns.b
from ns import a as a2
import pkg.sub
from pkg import sub as sub2
import os.path
x = ns.a.X + ns.b.Y
same = a2 is ns.a
from_pkg = pkg.VALUE, pkg.sub.Z, sub2.Z
ns_path = [p.rsplit("testdata/", 1)[1] for p in ns.__path__]
joined = os.path.join("a", "b")
del ns, a2, pkg, sub2, os
