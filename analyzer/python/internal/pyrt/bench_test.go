package pyrt

import "testing"

// BenchmarkLoop measures the evaluator on a loop of arithmetic, calls and
// attribute access.
func BenchmarkLoop(b *testing.B) {
	src := []byte(`
class P:
    def __init__(self, x):
        self.x = x
def f(a, b=2):
    return a * b + 1
total = 0
for i in range(2000):
    p = P(i)
    total += f(p.x) % 7 + len("abc") - (i // 3)
`)
	for i := 0; i < b.N; i++ {
		th := NewThread(nil)
		if _, err := th.ExecModule("m", "m.py", src, false); err != nil {
			b.Fatal(err)
		}
	}
}
