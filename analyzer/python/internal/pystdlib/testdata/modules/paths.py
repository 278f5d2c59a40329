import pathlib
from pathlib import Path, PurePath, PurePosixPath

values = [Path("etc/app.toml"), PurePosixPath("/srv/data/"), PurePath("a//b/./c"), Path(), PurePosixPath("//net/share"),
          PurePosixPath("///x"), Path("/"), PurePosixPath("a", "b/c", "/d", "e"), Path(PurePosixPath("x"), "y.tar.gz"),
          PurePosixPath("."), PurePosixPath("..", "a"), Path("~/.bashrc"), PurePosixPath("dir/file.")]
strs = [str(v) for v in values]
reprs = [repr(v) for v in values]
attrs = [(v.name, v.suffix, v.suffixes, v.stem, str(v.parent), v.parts, v.root, v.anchor, v.is_absolute()) for v in values]
joined = [Path("etc") / "app" / "x.toml", "/root" / PurePosixPath("a"), PurePosixPath("a") / "/b", Path("a").joinpath("b", "c"),
          PurePosixPath("/a/b/c").relative_to("/a"), Path("a/b.txt").with_suffix(".md"), Path("a/b.txt").with_suffix(""),
          PurePosixPath("a/b.txt").with_name("c.py"), PurePosixPath("a/b.txt").with_stem("z"), list(PurePosixPath("/a/b/c").parents)]
cmps = [Path("a") == PurePosixPath("a"), PurePosixPath("a/b") < PurePosixPath("a/c"), Path("a/") == Path("a"),
        {PurePosixPath("x"): 1}[PurePosixPath("x/")], PurePosixPath("/a/b").is_relative_to("/a"), Path("a").as_posix(),
        isinstance(Path("a"), PurePosixPath), type(Path("a")).__name__, type(PurePath("a")).__name__]
errors = []
for f in (lambda: Path(3), lambda: PurePosixPath("/").with_name("x"), lambda: Path("a").with_suffix("txt"),
          lambda: Path("a").with_name("b/c"), lambda: PurePosixPath("/a").relative_to("/b"), lambda: Path("a") / 3):
    try:
        f()
    except (ValueError, TypeError) as e:
        errors.append(type(e).__name__ + ": " + str(e))
del pathlib, f
