package manifest

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/asterkit/aster/contract"
)

// builderService is a service of one method on one type, or, when broken,
// one whose method names a type the graph lacks.
func builderService(i int, broken bool) *contract.Service {
	req := "p.T"
	if broken {
		req = "p.Missing"
	}
	return &contract.Service{
		Name: fmt.Sprintf("S%d", i), Version: 1, SerializationModes: []string{"xlang"},
		Methods: []contract.Method{{Name: "m", Request: contract.MethodType{FQN: req}, Response: contract.MethodType{Primitive: "int64"}}},
		Types: []*contract.Node{{Kind: contract.Message, Package: "p", Name: "T",
			Fields: []contract.NodeField{{Name: fmt.Sprintf("f%d", i), Type: contract.Element{Kind: contract.Primitive, Primitive: "string"}}}}},
	}
}

// TestBuilder checks that entries come back in the order services were
// added, equal to those built one by one, and that the first service in
// that order whose contract does not compile is the error.
func TestBuilder(t *testing.T) {
	pub := Publication{PublishedAtEpochMS: 7}
	b := NewBuilder(pub)
	var want []Manifest
	for i := range 50 {
		svc := builderService(i, false)
		methods := []Method{{Name: "m", Pattern: "unary"}}
		b.Add(svc, "shared", methods)
		c, err := contract.Compile(svc)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, Build(c, "shared", methods, pub))
	}
	got, err := b.Entries()
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("entries differ from those built one by one (error %v)", err)
	}

	b = NewBuilder(pub)
	for i := range 20 {
		b.Add(builderService(i, i == 7 || i == 12), "shared", nil)
	}
	b.Add(nil, "shared", nil)
	_, err = b.Entries()
	var ce *CompileError
	if !errors.As(err, &ce) || ce.Service != "S7" {
		t.Fatalf("error %v, want S7's", err)
	}
}
