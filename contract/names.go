package contract

import (
	"fmt"
	"strconv"
)

// The text names of the enum values, indexed by number, as spelled in the
// reference's serde JSON and in manifests.
var (
	typeKindNames       = []string{"primitive", "ref", "self_ref", "any"}
	containerKindNames  = []string{"none", "list", "set", "map"}
	typeDefKindNames    = []string{"message", "enum", "union"}
	methodPatternNames  = []string{"unary", "server_stream", "client_stream", "bidi_stream"}
	capabilityKindNames = []string{"role", "any_of", "all_of"}
	scopeKindNames      = []string{"shared", "session"}
)

// enumName is the text name of value v, or "<what>(v)" for an unknown number.
func enumName(names []string, what string, v uint8) string {
	if int(v) < len(names) {
		return names[v]
	}
	return what + "(" + strconv.Itoa(int(v)) + ")"
}

// parseEnum returns the number whose text name is s.
func parseEnum(names []string, what string, s []byte) (uint8, error) {
	for i, n := range names {
		if n == string(s) {
			return uint8(i), nil
		}
	}
	return 0, fmt.Errorf("unknown %s %q", what, s)
}

// known reports an error when v is not a number of the enum.
func known(names []string, what string, v uint8) error {
	if int(v) < len(names) {
		return nil
	}
	return fmt.Errorf("unknown %s number %d", what, v)
}

// String is the kind's text name ("primitive", "ref", "self_ref", "any").
func (k TypeKind) String() string { return enumName(typeKindNames, "TypeKind", uint8(k)) }

// UnmarshalText parses a TypeKind text name.
func (k *TypeKind) UnmarshalText(s []byte) error {
	v, err := parseEnum(typeKindNames, "type kind", s)
	*k = TypeKind(v)
	return err
}

// String is the container's text name ("none", "list", "set", "map").
func (k ContainerKind) String() string {
	return enumName(containerKindNames, "ContainerKind", uint8(k))
}

// UnmarshalText parses a ContainerKind text name.
func (k *ContainerKind) UnmarshalText(s []byte) error {
	v, err := parseEnum(containerKindNames, "container kind", s)
	*k = ContainerKind(v)
	return err
}

// String is the kind's text name ("message", "enum", "union").
func (k TypeDefKind) String() string {
	return enumName(typeDefKindNames, "TypeDefKind", uint8(k))
}

// UnmarshalText parses a TypeDefKind text name.
func (k *TypeDefKind) UnmarshalText(s []byte) error {
	v, err := parseEnum(typeDefKindNames, "type definition kind", s)
	*k = TypeDefKind(v)
	return err
}

// String is the pattern's text name ("unary", "server_stream",
// "client_stream", "bidi_stream").
func (p MethodPattern) String() string {
	return enumName(methodPatternNames, "MethodPattern", uint8(p))
}

// UnmarshalText parses a MethodPattern text name.
func (p *MethodPattern) UnmarshalText(s []byte) error {
	v, err := parseEnum(methodPatternNames, "method pattern", s)
	*p = MethodPattern(v)
	return err
}

// String is the kind's text name ("role", "any_of", "all_of").
func (k CapabilityKind) String() string {
	return enumName(capabilityKindNames, "CapabilityKind", uint8(k))
}

// UnmarshalText parses a CapabilityKind text name.
func (k *CapabilityKind) UnmarshalText(s []byte) error {
	v, err := parseEnum(capabilityKindNames, "capability kind", s)
	*k = CapabilityKind(v)
	return err
}

// String is the scope's text name ("shared", "session").
func (k ScopeKind) String() string { return enumName(scopeKindNames, "ScopeKind", uint8(k)) }

// UnmarshalText parses a ScopeKind text name; the legacy spelling "stream"
// means Session.
func (k *ScopeKind) UnmarshalText(s []byte) error {
	if string(s) == "stream" {
		*k = Session
		return nil
	}
	v, err := parseEnum(scopeKindNames, "scope", s)
	*k = ScopeKind(v)
	return err
}
