from .. import NAME
from . import exported
LEAF = NAME + ":" + str(exported)
