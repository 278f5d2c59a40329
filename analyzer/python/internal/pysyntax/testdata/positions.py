"""Print the positions of the syntax-tree nodes CPython builds for files.

stdin holds file paths, one a line. For each file this prints its path,
then one line per node of the kinds TestPositionsMatchCPython compares:
"Kind line col end_line end_col" (columns in UTF-8 bytes), then a line "--".
Nodes inside f-strings (JoinedStr) and match patterns are left out.
"""
import ast
import sys

KINDS = {
    "Name", "Attribute", "Call", "Subscript", "BinOp", "Compare", "UnaryOp", "Lambda", "IfExp",
    "Starred", "Slice", "List", "Tuple", "Set", "Dict", "Await", "Yield", "YieldFrom", "NamedExpr",
    "ListComp", "SetComp", "DictComp", "keyword", "Expr", "Assign", "AugAssign", "AnnAssign",
    "Return", "Delete", "Pass", "Break", "Continue", "Raise", "Global", "Nonlocal", "Assert",
    "Import", "ImportFrom", "If", "For", "AsyncFor", "While", "Try", "TryStar", "With",
    "AsyncWith", "FunctionDef", "AsyncFunctionDef", "ClassDef", "Constant",
}


def walk(node, out):
    name = type(node).__name__
    if name == "JoinedStr":
        out.append(f"{name} {node.lineno} {node.col_offset} {node.end_lineno} {node.end_col_offset}")
        return
    if name == "match_case":
        return
    if name in KINDS:
        out.append(f"{name} {node.lineno} {node.col_offset} {node.end_lineno} {node.end_col_offset}")
    for child in ast.iter_child_nodes(node):
        walk(child, out)


def main():
    sys.setrecursionlimit(10000)
    for path in sys.stdin.read().split("\n"):
        if not path:
            continue
        out = []
        with open(path, "rb") as f:
            walk(ast.parse(f.read()), out)
        out.sort()
        print(path)
        print("\n".join(out))
        print("--")


main()
