from ..api import VALUE
__all__ = ["exported"]
exported = VALUE * 2
hidden = 1
