import a
from b import helper
result = a.VALUE, helper(), a.b.NAME, a.late()
