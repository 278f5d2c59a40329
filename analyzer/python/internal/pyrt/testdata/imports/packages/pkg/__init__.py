NAME = "pkg"
from .api import VALUE as _v
from . import api
def helper():
    return "helper " + str(_v)
