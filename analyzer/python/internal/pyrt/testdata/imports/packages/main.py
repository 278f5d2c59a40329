import pkg.sub.leaf
from pkg import api, helper as h
from pkg.sub import *
from pkg.sub.leaf import LEAF as leaf_value
import pkg.sub.leaf as leafmod
result = pkg.NAME, api.VALUE, h(), exported, leaf_value, leafmod.LEAF, pkg.sub.leaf.LEAF, pkg.api.VALUE
try:
    from pkg import nothing_here
except ImportError as e:
    err1 = str(e).replace(__file__.rsplit("/", 1)[0], "<dir>"), e.name
try:
    import pkg.nope
except ModuleNotFoundError as e:
    err2 = str(e), e.name
try:
    import pkg.api.deeper
except ModuleNotFoundError as e:
    err3 = str(e)
