package contract

import (
	"fmt"
	"testing"
)

// roundTrip checks that each of the first count values of T parses back
// from its text name, and that a wrong name is an error.
func roundTrip[T interface {
	~uint8
	String() string
}, PT interface {
	*T
	UnmarshalText([]byte) error
}](t *testing.T, count int) {
	t.Helper()
	for v := range count {
		name := T(v).String()
		var back T
		if err := PT(&back).UnmarshalText([]byte(name)); err != nil || back != T(v) {
			t.Errorf("%q parses to %d (%v), want %d", name, back, err, v)
		}
	}
	var x T
	if err := PT(&x).UnmarshalText([]byte("Unary")); err == nil {
		t.Errorf("%T parsed a wrong name", x)
	}
}

func TestEnumNamesRoundTrip(t *testing.T) {
	roundTrip[TypeKind](t, len(typeKindNames))
	roundTrip[ContainerKind](t, len(containerKindNames))
	roundTrip[TypeDefKind](t, len(typeDefKindNames))
	roundTrip[MethodPattern](t, len(methodPatternNames))
	roundTrip[CapabilityKind](t, len(capabilityKindNames))
	roundTrip[ScopeKind](t, len(scopeKindNames))
}

func TestEnumNames(t *testing.T) {
	for got, want := range map[fmt.Stringer]string{
		Message: "message", Primitive: "primitive", SelfRef: "self_ref", Any: "any", List: "list",
		Map: "map", NoContainer: "none", Unary: "unary", ServerStream: "server_stream",
		ClientStream: "client_stream", BidiStream: "bidi_stream", Shared: "shared", Session: "session",
		Role: "role", AnyOf: "any_of", AllOf: "all_of", Union: "union", TypeKind(9): "TypeKind(9)",
	} {
		if got.String() != want {
			t.Errorf("%#v prints %q, want %q", got, got.String(), want)
		}
	}
	var s ScopeKind
	if err := s.UnmarshalText([]byte("stream")); err != nil || s != Session {
		t.Errorf(`"stream" parses to %v (%v), want session`, s, err)
	}
}
