import lib
import colorsys
which = lib.WHERE
local = colorsys.VALUE
del lib, colorsys
