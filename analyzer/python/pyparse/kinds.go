package pyparse

import sx "github.com/asterkit/aster/analyzer/python/internal/pysyntax"

// kind is a node's kind: an index into kindNames.
type kind uint16

// The kinds of the named nodes and keywords the converter makes.
const (
	kAliasedImport kind = iota
	kArgumentList
	kAsPattern
	kAsPatternTarget
	kAssertStatement
	kAssignment
	kAsync
	kAttribute
	kAugmentedAssignment
	kAwait
	kBinaryOperator
	kBlock
	kBooleanOperator
	kBreakStatement
	kCall
	kCaseClause
	kCasePattern
	kClassDefinition
	kClassPattern
	kComparisonOperator
	kComplexPattern
	kConcatenatedString
	kConditionalExpression
	kContinueStatement
	kDecoratedDefinition
	kDecorator
	kDefaultParameter
	kDeleteStatement
	kDictPattern
	kDictionary
	kDictionaryComprehension
	kDictionarySplat
	kDictionarySplatPattern
	kDottedName
	kElifClause
	kEllipsis
	kElseClause
	kEscapeInterpolation
	kEscapeSequence
	kExceptClause
	kExceptGroupClause
	kExpression
	kExpressionList
	kExpressionStatement
	kFalse
	kFinallyClause
	kFloat
	kForInClause
	kForStatement
	kFormatExpression
	kFormatSpecifier
	kFunctionDefinition
	kFutureImportStatement
	kGeneratorExpression
	kGlobalStatement
	kIdentifier
	kIfClause
	kIfStatement
	kImportFromStatement
	kImportPrefix
	kImportStatement
	kInteger
	kInterpolation
	kKeywordArgument
	kKeywordPattern
	kKeywordSeparator
	kLambda
	kLambdaParameters
	kList
	kListComprehension
	kListPattern
	kListSplat
	kListSplatPattern
	kMatchStatement
	kModule
	kNamedExpression
	kNone
	kNonlocalStatement
	kNotOperator
	kPair
	kParameters
	kParenthesizedExpression
	kPassStatement
	kPatternList
	kPositionalSeparator
	kRaiseStatement
	kRelativeImport
	kReturnStatement
	kSet
	kSetComprehension
	kSlice
	kSplatPattern
	kString
	kStringContent
	kStringEnd
	kStringStart
	kSubscript
	kTrue
	kTryStatement
	kTuple
	kTuplePattern
	kTypeConversion
	kTypedDefaultParameter
	kTypedParameter
	kUnaryOperator
	kUnionPattern
	kWhileStatement
	kWildcardImport
	kWithClause
	kWithItem
	kWithStatement
	kYield
	numFixedKinds
)

// kindNames are the kinds' names; the operator kinds are added at start-up.
var kindNames = append(make([]string, 0, 256), []string{
	kAliasedImport:           "aliased_import",
	kArgumentList:            "argument_list",
	kAsPattern:               "as_pattern",
	kAsPatternTarget:         "as_pattern_target",
	kAssertStatement:         "assert_statement",
	kAssignment:              "assignment",
	kAsync:                   "async",
	kAttribute:               "attribute",
	kAugmentedAssignment:     "augmented_assignment",
	kAwait:                   "await",
	kBinaryOperator:          "binary_operator",
	kBlock:                   "block",
	kBooleanOperator:         "boolean_operator",
	kBreakStatement:          "break_statement",
	kCall:                    "call",
	kCaseClause:              "case_clause",
	kCasePattern:             "case_pattern",
	kClassDefinition:         "class_definition",
	kClassPattern:            "class_pattern",
	kComparisonOperator:      "comparison_operator",
	kComplexPattern:          "complex_pattern",
	kConcatenatedString:      "concatenated_string",
	kConditionalExpression:   "conditional_expression",
	kContinueStatement:       "continue_statement",
	kDecoratedDefinition:     "decorated_definition",
	kDecorator:               "decorator",
	kDefaultParameter:        "default_parameter",
	kDeleteStatement:         "delete_statement",
	kDictPattern:             "dict_pattern",
	kDictionary:              "dictionary",
	kDictionaryComprehension: "dictionary_comprehension",
	kDictionarySplat:         "dictionary_splat",
	kDictionarySplatPattern:  "dictionary_splat_pattern",
	kDottedName:              "dotted_name",
	kElifClause:              "elif_clause",
	kEllipsis:                "ellipsis",
	kElseClause:              "else_clause",
	kEscapeInterpolation:     "escape_interpolation",
	kEscapeSequence:          "escape_sequence",
	kExceptClause:            "except_clause",
	kExceptGroupClause:       "except_group_clause",
	kExpression:              "expression",
	kExpressionList:          "expression_list",
	kExpressionStatement:     "expression_statement",
	kFalse:                   "false",
	kFinallyClause:           "finally_clause",
	kFloat:                   "float",
	kForInClause:             "for_in_clause",
	kForStatement:            "for_statement",
	kFormatExpression:        "format_expression",
	kFormatSpecifier:         "format_specifier",
	kFunctionDefinition:      "function_definition",
	kFutureImportStatement:   "future_import_statement",
	kGeneratorExpression:     "generator_expression",
	kGlobalStatement:         "global_statement",
	kIdentifier:              "identifier",
	kIfClause:                "if_clause",
	kIfStatement:             "if_statement",
	kImportFromStatement:     "import_from_statement",
	kImportPrefix:            "import_prefix",
	kImportStatement:         "import_statement",
	kInteger:                 "integer",
	kInterpolation:           "interpolation",
	kKeywordArgument:         "keyword_argument",
	kKeywordPattern:          "keyword_pattern",
	kKeywordSeparator:        "keyword_separator",
	kLambda:                  "lambda",
	kLambdaParameters:        "lambda_parameters",
	kList:                    "list",
	kListComprehension:       "list_comprehension",
	kListPattern:             "list_pattern",
	kListSplat:               "list_splat",
	kListSplatPattern:        "list_splat_pattern",
	kMatchStatement:          "match_statement",
	kModule:                  "module",
	kNamedExpression:         "named_expression",
	kNone:                    "none",
	kNonlocalStatement:       "nonlocal_statement",
	kNotOperator:             "not_operator",
	kPair:                    "pair",
	kParameters:              "parameters",
	kParenthesizedExpression: "parenthesized_expression",
	kPassStatement:           "pass_statement",
	kPatternList:             "pattern_list",
	kPositionalSeparator:     "positional_separator",
	kRaiseStatement:          "raise_statement",
	kRelativeImport:          "relative_import",
	kReturnStatement:         "return_statement",
	kSet:                     "set",
	kSetComprehension:        "set_comprehension",
	kSlice:                   "slice",
	kSplatPattern:            "splat_pattern",
	kString:                  "string",
	kStringContent:           "string_content",
	kStringEnd:               "string_end",
	kStringStart:             "string_start",
	kSubscript:               "subscript",
	kTrue:                    "true",
	kTryStatement:            "try_statement",
	kTuple:                   "tuple",
	kTuplePattern:            "tuple_pattern",
	kTypeConversion:          "type_conversion",
	kTypedDefaultParameter:   "typed_default_parameter",
	kTypedParameter:          "typed_parameter",
	kUnaryOperator:           "unary_operator",
	kUnionPattern:            "union_pattern",
	kWhileStatement:          "while_statement",
	kWildcardImport:          "wildcard_import",
	kWithClause:              "with_clause",
	kWithItem:                "with_item",
	kWithStatement:           "with_statement",
	kYield:                   "yield",
}...)

// The kinds of the operator tokens, made at start-up from their spellings:
// tokenKinds by token ("+", "and", …), augKinds by the operator of an
// augmented assignment ("+=", …), cmpKinds by comparison ("==", "not in", …).
var tokenKinds, augKinds [256]kind
var cmpKinds [sx.CmpNotIn + 1]kind

func init() {
	index := make(map[string]kind, 256)
	for i, name := range kindNames {
		index[name] = kind(i)
	}
	kindOf := func(name string) kind {
		k, ok := index[name]
		if !ok {
			k = kind(len(kindNames))
			kindNames = append(kindNames, name)
			index[name] = k
		}
		return k
	}
	for t := range 256 {
		tok := sx.Token(t)
		if name := tok.String(); name != "token" {
			tokenKinds[t] = kindOf(name)
		}
	}
	for t := range 256 {
		augKinds[t] = index[sx.Token(t).String()+"="] // "+=" is a token too
	}
	for op, name := range [...]string{sx.CmpEq: "==", sx.CmpNotEq: "!=", sx.CmpLt: "<", sx.CmpLtE: "<=",
		sx.CmpGt: ">", sx.CmpGtE: ">=", sx.CmpIs: "is", sx.CmpIsNot: "is not", sx.CmpIn: "in", sx.CmpNotIn: "not in"} {
		cmpKinds[op] = kindOf(name)
	}
}
