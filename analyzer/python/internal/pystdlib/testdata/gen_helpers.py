# Helpers of the generated-input scripts (generated.py, generated_text.py).


class Rand:
    """A linear congruential generator: the same numbers under CPython and pyrt."""

    def __init__(self, seed):
        self.seed = seed

    def __call__(self, n):
        self.seed = (self.seed * 1103515245 + 12345) % 2**31
        return self.seed % n


def attempt(f, *args, **kwargs):
    try:
        v = f(*args, **kwargs)
        return (str(v), repr(v))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
