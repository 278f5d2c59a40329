package templates

import (
	"bytes"

	"github.com/dave/jennifer/jen"

	"github.com/asterkit/aster/analyzer/golang"
)

// DirectivesTest renders aster_contract_test.go for pkg: a test that reads
// the package's //aster: directives from its sources, as the analyzer does,
// and fails when they differ from pkg.Directives. The compiler never sees
// comments, so this is what notices a directive edited after generation
// (a timeout, a name, a wire tag) under go test.
func DirectivesTest(pkg *golang.Package) ([]byte, error) {
	if err := notDeclared(pkg, golang.GeneratedTestFile, []string{"asterDirectives", "TestAsterDirectives"}); err != nil {
		return nil, err
	}
	f := jen.NewFile(pkg.Name)
	f.HeaderComment(Header)
	setImports(f, pkg, map[string]string{
		"go/ast": "ast", "go/build": "build", "go/parser": "parser", "go/token": "token",
		"path/filepath": "filepath", "slices": "slices", "strings": "strings", "testing": "testing",
	})
	want := make([]jen.Code, len(pkg.Directives))
	for i, d := range pkg.Directives {
		want[i] = jen.Lit(d)
	}
	f.Comment("asterDirectives are this package's //aster: directives when aster-gen ran:")
	f.Comment("the declaration (a type, or Interface.Method) and the comment line.")
	f.Var().Id("asterDirectives").Op("=").Index().String().ValuesFunc(func(g *jen.Group) {
		for _, w := range want {
			g.Line().Add(w)
		}
		if len(want) > 0 {
			g.Line()
		}
	})
	f.Line()
	f.Comment("TestAsterDirectives fails when an //aster: directive changed after aster-gen")
	f.Comment("ran. The compiler cannot see directives (they are comments), so go build")
	f.Comment("passes with a stale contract id; run go generate.")
	f.Func().Id("TestAsterDirectives").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.List(jen.Id("pkg"), jen.Err()).Op(":=").Qual("go/build", "ImportDir").Call(jen.Lit("."), jen.Lit(0)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
		jen.Var().Id("got").Index().String(),
		jen.Id("add").Op(":=").Func().Params(jen.Id("decl").String(), jen.Id("docs").Op("...").Op("*").Qual("go/ast", "CommentGroup")).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("doc")).Op(":=").Range().Id("docs")).Block(
				jen.If(jen.Id("doc").Op("==").Nil()).Block(jen.Continue()),
				jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("doc").Dot("List")).Block(
					jen.If(jen.Qual("strings", "HasPrefix").Call(jen.Id("c").Dot("Text"), jen.Lit("//aster:"))).Block(
						jen.Id("got").Op("=").Append(jen.Id("got"), jen.Id("decl").Op("+").Lit(" ").Op("+").Id("c").Dot("Text")),
					),
				),
			),
		),
		jen.Id("fset").Op(":=").Qual("go/token", "NewFileSet").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Append(jen.Id("pkg").Dot("GoFiles"), jen.Id("pkg").Dot("CgoFiles").Op("..."))).Block(
			jen.List(jen.Id("file"), jen.Err()).Op(":=").Qual("go/parser", "ParseFile").Call(
				jen.Id("fset"), jen.Qual("path/filepath", "Join").Call(jen.Id("pkg").Dot("Dir"), jen.Id("name")), jen.Nil(),
				jen.Qual("go/parser", "ParseComments").Op("|").Qual("go/parser", "SkipObjectResolution")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
			jen.For(jen.List(jen.Id("_"), jen.Id("d")).Op(":=").Range().Id("file").Dot("Decls")).Block(
				jen.List(jen.Id("gd"), jen.Id("ok")).Op(":=").Id("d").Assert(jen.Op("*").Qual("go/ast", "GenDecl")),
				jen.If(jen.Op("!").Id("ok").Op("||").Id("gd").Dot("Tok").Op("!=").Qual("go/token", "TYPE")).Block(jen.Continue()),
				jen.For(jen.List(jen.Id("_"), jen.Id("spec")).Op(":=").Range().Id("gd").Dot("Specs")).Block(
					jen.Id("ts").Op(":=").Id("spec").Assert(jen.Op("*").Qual("go/ast", "TypeSpec")),
					jen.Id("add").Call(jen.Id("ts").Dot("Name").Dot("Name"), jen.Id("ts").Dot("Doc")),
					jen.If(jen.Id("gd").Dot("Lparen").Op("==").Qual("go/token", "NoPos")).Block(
						jen.Id("add").Call(jen.Id("ts").Dot("Name").Dot("Name"), jen.Id("gd").Dot("Doc")),
					),
					jen.List(jen.Id("it"), jen.Id("ok")).Op(":=").Id("ts").Dot("Type").Assert(jen.Op("*").Qual("go/ast", "InterfaceType")),
					jen.If(jen.Op("!").Id("ok")).Block(jen.Continue()),
					jen.For(jen.List(jen.Id("_"), jen.Id("m")).Op(":=").Range().Id("it").Dot("Methods").Dot("List")).Block(
						jen.If(jen.Len(jen.Id("m").Dot("Names")).Op("==").Lit(1)).Block(
							jen.Id("add").Call(jen.Id("ts").Dot("Name").Dot("Name").Op("+").Lit(".").Op("+").Id("m").Dot("Names").Index(jen.Lit(0)).Dot("Name"), jen.Id("m").Dot("Doc")),
						),
					),
				),
			),
		),
		jen.Qual("slices", "Sort").Call(jen.Id("got")),
		jen.If(jen.Qual("slices", "Equal").Call(jen.Id("got"), jen.Id("asterDirectives"))).Block(jen.Return()),
		jen.For(jen.List(jen.Id("_"), jen.Id("d")).Op(":=").Range().Id("asterDirectives")).Block(
			jen.If(jen.Op("!").Qual("slices", "Contains").Call(jen.Id("got"), jen.Id("d"))).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("//aster: directive when aster-gen ran: %s"), jen.Id("d")),
			),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("d")).Op(":=").Range().Id("got")).Block(
			jen.If(jen.Op("!").Qual("slices", "Contains").Call(jen.Id("asterDirectives"), jen.Id("d"))).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("//aster: directive now:              %s"), jen.Id("d")),
			),
		),
		jen.Id("t").Dot("Error").Call(jen.Lit("the //aster: directives changed after aster-gen ran, so the contract id and manifest are out of date: run go generate")),
	)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
