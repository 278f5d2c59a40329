try:
    import fast_json as json_impl
except ImportError:
    json_impl = None
try:
    from helpers import missing_name
except ImportError as e:
    missing = str(e).replace(__file__.rsplit("/", 1)[0], "<dir>")
from helpers import present
value = present, json_impl
