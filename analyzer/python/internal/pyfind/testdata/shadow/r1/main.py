import lib
import colorsys
import sys
import os
which = lib.WHERE
local = colorsys.VALUE
std = (sys.platform == "local sys", os.sep)
del lib, colorsys, sys, os
