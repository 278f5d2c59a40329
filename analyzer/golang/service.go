package golang

import (
	"go/ast"
	"go/token"
	"go/types"
	"math"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/contract/manifest"
)

// serializationModes are the values serialization= accepts.
var serializationModes = map[string]bool{"xlang": true, "json": true, "row": true, "native": true}

// service analyses one //aster:service interface. It also returns the type
// keys of every struct its type graph reaches.
func (a *analysis) service(p *packages.Package, td *typeDecl) (*Service, []string, error) {
	d := td.dirs[0]
	svc := &contract.Service{Name: td.spec.Name.Name, Version: 1, SerializationModes: []string{"xlang"}}
	scoped := "shared"
	for _, arg := range d.Args {
		switch arg.Key {
		case "name":
			if !arg.HasValue || arg.Value == "" {
				return nil, nil, a.fail(arg.Pos, "write name=ServiceName", "name= needs a non-empty value")
			}
			svc.Name = arg.Value
		case "version":
			v, err := strconv.ParseInt(arg.Value, 10, 32)
			if !arg.HasValue || err != nil {
				return nil, nil, a.fail(arg.Pos, "write version=N with a whole number, e.g. version=2", "bad version %q", arg.Value)
			}
			svc.Version = int32(v)
		case "scoped":
			switch arg.Value {
			case "shared":
				svc.Scoped = contract.Shared
			case "session":
				svc.Scoped = contract.Session
			default:
				return nil, nil, a.fail(arg.Pos, "write scoped=shared or scoped=session", "bad scoped value %q", arg.Value)
			}
			scoped = arg.Value
		case "serialization":
			modes := strings.Split(arg.Value, ",")
			for _, m := range modes {
				if !serializationModes[m] {
					return nil, nil, a.fail(arg.Pos, "write serialization= as a comma-separated list of xlang, json, row, native",
						"bad serialization mode %q", m)
				}
				if m == "native" {
					svc.ProducerLanguage = "go"
				}
			}
			svc.SerializationModes = modes
		case "public":
			if arg.HasValue {
				return nil, nil, a.fail(arg.Pos, "write public as a bare flag", "public takes no value")
			}
		case "requires":
			if err := a.requirement(arg); err != nil {
				return nil, nil, err
			}
		default:
			return nil, nil, a.fail(arg.Pos, "//aster:service accepts name=, version=, scoped=, serialization=, requires= and public",
				"unknown key %q in //aster:service", arg.Key)
		}
	}
	out := &Service{Interface: td.spec.Name.Name}
	res := &analyzer.Result{Service: svc, Scoped: scoped}
	out.Result = res
	it := td.spec.Type.(*ast.InterfaceType)
	var roots []string
	seen := map[string]token.Pos{}
	for _, f := range it.Methods.List {
		if len(f.Names) == 0 {
			return nil, nil, a.fail(f.Pos(), "list every method of the service in the interface itself",
				"embedded interface in service %s: each method needs its own directive", td.spec.Name.Name)
		}
		m, gm, ms, reqKey, respKey, err := a.method(p, td, f)
		if err != nil {
			return nil, nil, err
		}
		if prev, dup := seen[m.Name]; dup {
			return nil, nil, a.fail(f.Names[0].Pos(), "give the methods distinct names with name=",
				"method name %q is used twice in service %s (also at %s)", m.Name, svc.Name, a.position(prev))
		}
		seen[m.Name] = f.Names[0].Pos()
		svc.Methods = append(svc.Methods, m)
		res.Methods = append(res.Methods, ms)
		out.Methods = append(out.Methods, gm)
		for _, k := range []string{reqKey, respKey} {
			if k != "" {
				roots = append(roots, k)
			}
		}
	}
	keys, err := a.graph(roots)
	if err != nil {
		return nil, nil, err
	}
	for _, k := range keys {
		svc.Types = append(svc.Types, a.structs[k].node)
	}
	return out, a.withEmbedded(keys), nil
}

// requirement checks requires=role:x|any_of:a,b|all_of:a,b. Requirements
// feed neither the id nor the manifest, as in the reference.
func (a *analysis) requirement(arg directiveArg) error {
	kind, roles, ok := strings.Cut(arg.Value, ":")
	ok = ok && (kind == "role" || kind == "any_of" || kind == "all_of")
	list := strings.Split(roles, ",")
	for _, r := range list {
		ok = ok && r != ""
	}
	if !ok || (kind == "role" && len(list) > 1) {
		return a.fail(arg.Pos, "write requires=role:NAME, requires=any_of:A,B or requires=all_of:A,B", "bad requires value %q", arg.Value)
	}
	return nil
}

// patterns maps method directives to patterns.
var patterns = map[string]contract.MethodPattern{
	"rpc": contract.Unary, "server_stream": contract.ServerStream,
	"client_stream": contract.ClientStream, "bidi_stream": contract.BidiStream,
}

// patternNames are the manifest spellings of the patterns.
var patternNames = map[contract.MethodPattern]string{
	contract.Unary: "unary", contract.ServerStream: "server_stream",
	contract.ClientStream: "client_stream", contract.BidiStream: "bidi_stream",
}

// method analyses one interface method: the contract method, its Go
// signature, its manifest descriptor, and the type keys of its request and
// response structs ("" for primitives).
func (a *analysis) method(p *packages.Package, td *typeDecl, f *ast.Field) (contract.Method, *Method, manifest.Method, string, string, error) {
	var m contract.Method
	var ms manifest.Method
	ident := f.Names[0]
	fn, _ := p.TypesInfo.Defs[ident].(*types.Func)
	if fn == nil {
		return m, nil, ms, "", "", a.fail(ident.Pos(), "fix the Go error first", "no type information for method %s", ident.Name)
	}
	sig := fn.Type().(*types.Signature)
	dirs, err := a.directives(f.Doc)
	if err != nil {
		return m, nil, ms, "", "", err
	}
	if len(dirs) == 0 {
		return m, nil, ms, "", "", a.fail(ident.Pos(), "add //aster:rpc, //aster:server_stream, //aster:client_stream or //aster:bidi_stream above "+ident.Name,
			"method %s of service %s has no //aster: directive", ident.Name, td.spec.Name.Name)
	}
	if len(dirs) > 1 {
		return m, nil, ms, "", "", a.fail(dirs[1].Pos, "keep one directive per method", "method %s has more than one //aster: directive", ident.Name)
	}
	d := dirs[0]
	want, ok := patterns[d.Kind]
	if !ok {
		return m, nil, ms, "", "", a.fail(d.Pos, "use //aster:rpc, //aster:server_stream, //aster:client_stream or //aster:bidi_stream on methods",
			"//aster:%s on method %s", d.Kind, ident.Name)
	}
	m.Name = snakeCase(ident.Name)
	m.Pattern = want
	ms.Timeout = nil
	for _, arg := range d.Args {
		switch {
		case arg.Key == "name":
			if !arg.HasValue || arg.Value == "" {
				return m, nil, ms, "", "", a.fail(arg.Pos, "write name=method_name", "name= needs a non-empty value")
			}
			m.Name = arg.Value
		case arg.Key == "timeout":
			v, secs, err := parseTimeout(arg.Value)
			if !arg.HasValue || err != nil {
				return m, nil, ms, "", "", a.fail(arg.Pos, "write timeout=SECONDS, e.g. timeout=30 or timeout=2.5", "bad timeout %q", arg.Value)
			}
			ms.Timeout, m.DefaultTimeout = v, secs
		case arg.Key == "idempotent" && (want == contract.Unary || want == contract.ClientStream):
			if arg.HasValue {
				return m, nil, ms, "", "", a.fail(arg.Pos, "write idempotent as a bare flag", "idempotent takes no value")
			}
			m.Idempotent = true
		case arg.Key == "idempotent":
			return m, nil, ms, "", "", a.fail(arg.Pos, "remove idempotent: it is allowed on //aster:rpc and //aster:client_stream only",
				"idempotent is not allowed on //aster:%s", d.Kind)
		case arg.Key == "requires":
			if err := a.requirement(arg); err != nil {
				return m, nil, ms, "", "", err
			}
		default:
			return m, nil, ms, "", "", a.fail(arg.Pos, "method directives accept name=, timeout=, idempotent and requires=",
				"unknown key %q in //aster:%s", arg.Key, d.Kind)
		}
	}

	// Signature: (ctx context.Context, req) (resp, error).
	params, results := sig.Params(), sig.Results()
	shape := "want " + ident.Name + "(ctx context.Context, req REQUEST) (RESPONSE, error), with streams as iter.Seq2[T, error]"
	if sig.Variadic() || params.Len() != 2 || results.Len() != 2 || !isContext(params.At(0).Type()) || !isError(results.At(1).Type()) {
		return m, nil, ms, "", "", a.fail(ident.Pos(), shape, "unsupported signature for method %s", ident.Name)
	}
	reqT, reqStream := streamItem(params.At(1).Type())
	respT, respStream := streamItem(results.At(0).Type())
	got := contract.Unary
	switch {
	case reqStream && respStream:
		got = contract.BidiStream
	case reqStream:
		got = contract.ClientStream
	case respStream:
		got = contract.ServerStream
	}
	if got != want {
		return m, nil, ms, "", "", a.fail(d.Pos, "use //aster:"+directiveFor(got)+" or change the stream shape of "+ident.Name,
			"//aster:%s conflicts with the signature of %s, which is a %s", d.Kind, ident.Name, patternNames[got])
	}
	var reqKey, respKey string
	m.Request, ms.RequestType, ms.RequestWireTag, ms.Fields, reqKey, err = a.methodType(p, reqT, ident.Pos(), "request")
	if err != nil {
		return m, nil, ms, "", "", err
	}
	m.Response, ms.ResponseType, ms.ResponseWireTag, ms.ResponseFields, respKey, err = a.methodType(p, respT, ident.Pos(), "response")
	if err != nil {
		return m, nil, ms, "", "", err
	}
	ms.Name = m.Name
	ms.Pattern = patternNames[m.Pattern]
	ms.Idempotent = m.Idempotent
	ms.RequestStyle = "explicit"
	ms.InlineParams = []manifest.Field{}
	ms.Description = docParagraph(f.Doc)
	ms.Tags = []string{}

	gm := &Method{GoName: ident.Name}
	for i := range params.Len() {
		t, err := a.goType(p.Types, params.At(i).Type(), ident.Pos())
		if err != nil {
			return m, nil, ms, "", "", err
		}
		gm.Params = append(gm.Params, t)
	}
	for i := range results.Len() {
		t, err := a.goType(p.Types, results.At(i).Type(), ident.Pos())
		if err != nil {
			return m, nil, ms, "", "", err
		}
		gm.Results = append(gm.Results, t)
	}
	return m, gm, ms, reqKey, respKey, nil
}

func directiveFor(p contract.MethodPattern) string {
	if p == contract.Unary {
		return "rpc"
	}
	return patternNames[p]
}

// parseTimeout reads a timeout in seconds, keeping whether it was written
// as an integer (int64) or a float (float64) for the manifest.
func parseTimeout(s string) (any, float64, error) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 {
		return n, float64(n), nil
	}
	if strings.ContainsAny(s, "xXpP_") {
		return nil, 0, strconv.ErrSyntax
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || f < 0 {
		return nil, 0, strconv.ErrSyntax
	}
	return f, f, nil
}

func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// streamItem returns the item type of a stream (iter.Seq2[T, error],
// iter.Seq[T] or <-chan T) and true, or t and false.
func streamItem(t types.Type) (types.Type, bool) {
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		obj := u.Obj()
		if obj.Pkg() == nil || obj.Pkg().Path() != "iter" {
			return t, false
		}
		args := u.TypeArgs()
		if obj.Name() == "Seq2" && args.Len() == 2 && isError(args.At(1)) {
			return args.At(0), true
		}
		if obj.Name() == "Seq" && args.Len() == 1 {
			return args.At(0), true
		}
	case *types.Chan:
		if u.Dir() == types.RecvOnly {
			return u.Elem(), true
		}
	}
	return t, false
}

// methodPrimitives are the basic types a request or response may be, with
// the names their hashes use.
var methodPrimitives = map[types.BasicKind]string{
	types.String: "string", types.Bool: "bool", types.Int: "int64", types.Int64: "int64", types.Float64: "float64",
}

// methodType classifies a request or response type: a wire struct (value or
// pointer) or a primitive. It returns the model value, the manifest's type
// name, wire tag and field descriptors, and the struct's type key.
func (a *analysis) methodType(p *packages.Package, t types.Type, pos token.Pos, role string) (contract.MethodType, string, string, []manifest.Field, string, error) {
	u := types.Unalias(t)
	if ptr, ok := u.(*types.Pointer); ok {
		u = types.Unalias(ptr.Elem())
		if _, isStruct := u.Underlying().(*types.Struct); !isStruct {
			return contract.MethodType{}, "", "", nil, "", a.fail(pos, "use a wire struct, *struct, string, bool, int, int64, float64 or []byte",
				"unsupported %s type %s", role, types.TypeString(t, types.RelativeTo(p.Types)))
		}
	}
	if n, ok := u.(*types.Named); ok {
		if _, isStruct := n.Underlying().(*types.Struct); isStruct {
			info, err := a.identity(n, pos)
			if err != nil {
				return contract.MethodType{}, "", "", nil, "", err
			}
			if err := a.buildStruct(info.key); err != nil {
				return contract.MethodType{}, "", "", nil, "", err
			}
			return contract.MethodType{FQN: info.fqn}, n.Obj().Name(), info.tag, a.structs[info.key].fields, info.key, nil
		}
	}
	if b, ok := u.(*types.Basic); ok && methodPrimitives[b.Kind()] != "" {
		return contract.MethodType{Primitive: methodPrimitives[b.Kind()]}, b.Name(), "", []manifest.Field{}, "", nil
	}
	if isByteSlice(u) {
		return contract.MethodType{Primitive: "binary"}, "[]byte", "", []manifest.Field{}, "", nil
	}
	return contract.MethodType{}, "", "", nil, "", a.fail(pos, "use a wire struct, *struct, string, bool, int, int64, float64 or []byte",
		"unsupported %s type %s", role, types.TypeString(t, types.RelativeTo(p.Types)))
}

// docParagraph returns the first paragraph of a doc comment (directives
// dropped), its lines joined by single spaces.
func docParagraph(g *ast.CommentGroup) string {
	if g == nil {
		return ""
	}
	var lines []string
	for _, l := range strings.Split(g.Text(), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			if len(lines) > 0 {
				break
			}
			continue
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, " ")
}
