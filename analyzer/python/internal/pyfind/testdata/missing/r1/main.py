try:
    import orjson_missing
except ImportError as e:
    fallback = str(e)
try:
    import ns_missing.sub
except ImportError as e:
    nested = str(e)
try:
    from os import nope
except ImportError as e:
    from_error = type(e).__name__
