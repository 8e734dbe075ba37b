"""Packaging: the spec's exclusions, the build helpers, the desktop files and the user install."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest

from fieldvisit import __version__
from fieldvisit.returns.format import MAGIC

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
SPEC = PACKAGING / "fieldvisit.spec"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fieldvisit_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _build_module()


def _spec_list(name: str) -> list[str]:
    """A list of string literals assigned to `name` at the spec's top level."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            assert isinstance(node.value, ast.List)
            # String literals only: `*QT_EXCLUDES` inside `excludes` is checked on its own.
            return [
                e.value
                for e in node.value.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
    raise AssertionError(f"{name} not found in {SPEC}")


def _imported_modules(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            for name in names:
                found.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return found


# --- the spec ---------------------------------------------------------------------------------
def test_no_module_of_the_app_imports_an_excluded_qt_module() -> None:
    excluded = set(_spec_list("QT_EXCLUDES"))
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtWebEngineCore"} <= excluded
    used = _imported_modules(ROOT / "fieldvisit")
    clashes = {
        name: sorted(files)
        for name, files in used.items()
        if any(name == ex or name.startswith(ex + ".") for ex in excluded)
    }
    assert clashes == {}, f"the frozen app would miss these modules: {clashes}"


def test_the_spec_names_files_that_exist() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert (ROOT / "main.py").is_file() and '"main.py"' in text
    assert (ROOT / "fieldvisit" / "storage" / "migrations" / "env.py").is_file()
    assert list((ROOT / "fieldvisit" / "storage" / "migrations" / "versions").glob("*.py"))
    assert (PACKAGING / "windows" / "version_info.txt.in").is_file()
    needed_names = ("console=False", "NSHighResolutionCapable", "bundle_identifier", "tzdata")
    for needed in (*needed_names, 'collect_submodules("tzlocal")'):
        assert needed in text
    assert "tkinter" in _spec_list("excludes")


def test_windows_version_template_has_the_placeholders_the_spec_fills() -> None:
    template = (PACKAGING / "windows" / "version_info.txt.in").read_text(encoding="utf-8")
    assert template.count("@VERSION_TUPLE@") == 2  # filevers and prodvers
    assert "@VERSION@" in template
    filled = template.replace("@VERSION_TUPLE@", "0, 1, 0, 0").replace("@VERSION@", __version__)
    # PyInstaller eval()s the file: it must be one Python expression (comments allowed).
    code = compile(filled, "version_info.txt", "eval")
    assert "VSVersionInfo" in code.co_names and "@" not in filled


# --- build helpers ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("output", "code", "expected"),
    [
        ("ok   open store\nself-test passed: 13 of 13 steps\n", 0, []),
        ("", 1, ["exit code 1"]),
        ('Traceback (most recent call last):\n  File "x"\n', 0, ["output contains 'Traceback'"]),
        (
            "ModuleNotFoundError: No module named 'PySide6.QtNetwork'",
            1,
            ["exit code 1", "output contains 'ModuleNotFoundError'"],
        ),
        (
            'qt.qpa.plugin: Could not load the Qt platform plugin "xcb" in "" even though',
            134,
            ["exit code 134", "output contains 'could not load the Qt platform plugin'"],
        ),
    ],
)
def test_frozen_output_problems(output: str, code: int, expected: list[str]) -> None:
    assert build.output_problems(output, code) == expected


def test_frozen_self_test_catches_a_crashing_executable(tmp_path: Path) -> None:
    fake = tmp_path / "fieldvisit"
    fake.write_text(
        "#!/bin/sh\necho 'ModuleNotFoundError: No module named x' >&2\nexit 3\n", encoding="utf-8"
    )
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    if sys.platform == "win32":
        pytest.skip("a shell script stands in for the executable")
    problems = build.frozen_self_test(fake, timeout=30)
    assert "exit code 3" in problems
    assert "output contains 'ModuleNotFoundError'" in problems


def _fake_exe(folder: Path, script: str) -> Path:
    if sys.platform == "win32":
        pytest.skip("a shell script stands in for the executable")
    fake = folder / "fieldvisit"
    fake.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    fake.chmod(0o755)
    return fake


def test_frozen_self_test_needs_a_result_line(tmp_path: Path) -> None:
    fake = _fake_exe(tmp_path, "exit 0\n")
    assert build.frozen_self_test(fake, timeout=30) == ["the self-test printed no result line"]


def test_frozen_self_test_reads_the_report_file_when_stdout_is_silent(tmp_path: Path) -> None:
    # A windowed Windows build may have no stdout: the report comes through the log file.
    fake = _fake_exe(
        tmp_path,
        'printf "ok   open store\\nself-test passed: 1 of 1 steps\\n" '
        '> "$FIELDVISIT_SELF_TEST_LOG"\n',
    )
    assert build.frozen_self_test(fake, timeout=30) == []


def test_frozen_version_must_print_the_version(tmp_path: Path) -> None:
    good = _fake_exe(tmp_path, f"echo 'fieldvisit {__version__}'\n")
    assert build.frozen_version(good) == []
    bad = tmp_path / "old"
    bad.mkdir()
    assert build.frozen_version(_fake_exe(bad, "echo 'fieldvisit 0.0.0'\n")) == [
        "--version printed 'fieldvisit 0.0.0'"
    ]


def test_frozen_cli_checks_name_the_failing_command(tmp_path: Path) -> None:
    fake = _fake_exe(
        tmp_path,
        'if [ "$2" = verify ]; then echo "Traceback (most recent call last):" >&2; exit 1; fi\n'
        'if [ "$1" = report ]; then echo "fieldvisit: cannot reach the server" >&2; exit 2; fi\n'
        'echo "$@" >> "$FIELDVISIT_DATA_DIR.log"\n',
    )
    assert build.frozen_cli_checks(fake) == [
        "`fieldvisit pack verify`: exit code 1",
        "`fieldvisit pack verify`: output contains 'Traceback'",
    ]


def test_frozen_cli_checks_want_one_line_for_postgresql(tmp_path: Path) -> None:
    """PostgreSQL without psycopg_binary: a refusal in one line (exit 2), never a traceback."""
    fake = _fake_exe(
        tmp_path,
        'if [ "$1" = report ]; then echo "Traceback (most recent call last):" >&2; '
        'echo "ImportError: no pq wrapper available." >&2; exit 1; fi\n',
    )
    problems = build.frozen_cli_checks(fake)
    assert "`fieldvisit report --db postgresql…`: output contains 'Traceback'" in problems
    assert "`fieldvisit report --db postgresql…`: exit code 1 (expected 2)" in problems
    assert "`fieldvisit report --db postgresql…`: 2 lines of output (expected one)" in problems


def test_icons_render_at_every_size(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    pngs = build.render_pngs(build.SVG, tmp_path, (16, 48, 256))
    assert [p.name for p in pngs] == [
        "fieldvisit-16.png",
        "fieldvisit-48.png",
        "fieldvisit-256.png",
    ]
    for path, size in zip(pngs, (16, 48, 256), strict=True):
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
        # Not blank: the centre (the pin) is opaque, a corner is transparent.
        assert image.pixelColor(size // 2, size // 3).alpha() == 255
        assert image.pixelColor(0, 0).alpha() == 0


def test_ico_and_icns_hold_the_rendered_sizes(qapp: object, tmp_path: Path) -> None:
    image_module = pytest.importorskip("PIL.Image", reason="Pillow is in the build group")
    build.render_pngs(build.SVG, tmp_path)
    ico, icns = build.make_ico_icns(tmp_path)
    with image_module.open(ico) as icon:
        assert {(16, 16), (32, 32), (256, 256)} <= set(icon.info["sizes"])
    assert icns.read_bytes()[:4] == b"icns"


def test_folder_size_counts_files_once(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"x" * 1000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 24)
    if sys.platform != "win32":
        (tmp_path / "link").symlink_to(tmp_path / "a")
    assert build.folder_size(tmp_path) == 1024


# --- desktop files ----------------------------------------------------------------------------
def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_opens_packs_and_returns() -> None:
    path = LINUX / "fieldvisit.desktop"
    entry = _desktop_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "fieldvisit %f"
    assert entry["Icon"] == "fieldvisit"
    assert entry["Terminal"] == "false"
    mime_types = [m for m in entry["MimeType"].split(";") if m]
    assert mime_types == ["application/x-fieldvisit-pack", "application/x-fieldvisit-return"]
    assert entry["Categories"] == "Office;"
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_organisers_have_their_own_desktop_entry() -> None:
    path = LINUX / "fieldvisit-organiser.desktop"
    entry = _desktop_entry(path)
    assert entry["Exec"] == "fieldvisit organiser"
    assert entry["Name"] == "Field Visit Organiser" and entry["Name[nl]"]
    assert entry["Icon"] == "fieldvisit" and entry["Type"] == "Application"
    assert "MimeType" not in entry  # return files open in no window by a double-click
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr


def test_mime_xml_declares_both_types_with_globs() -> None:
    root = ElementTree.parse(LINUX / "fieldvisit-mime.xml").getroot()
    types = {t.get("type"): t for t in root.iter(f"{MIME_NS}mime-type")}
    assert set(types) == {"application/x-fieldvisit-pack", "application/x-fieldvisit-return"}
    globs = {
        name: [g.get("pattern") for g in node.iter(f"{MIME_NS}glob")]
        for name, node in types.items()
    }
    assert globs["application/x-fieldvisit-pack"] == ["*.fvpack"]
    assert globs["application/x-fieldvisit-return"] == ["*.fvreturn"]
    match = next(types["application/x-fieldvisit-return"].iter(f"{MIME_NS}match"))
    assert (match.get("type"), match.get("offset")) == ("string", "0")
    assert match.get("value", "").encode() == MAGIC


# --- install for the user ---------------------------------------------------------------------
needs_sh = pytest.mark.skipif(
    sys.platform == "win32" or shutil.which("sh") is None, reason="POSIX shell scripts"
)


def _fake_bundle(folder: Path) -> Path:
    """A stand-in for dist/fieldvisit: an executable that prints the version, and icons."""
    bundle = folder / "dist" / "fieldvisit"
    icons = bundle / "_internal" / "resources" / "icons"
    icons.mkdir(parents=True)
    exe = bundle / "fieldvisit"
    exe.write_text(f"#!/bin/sh\necho 'fieldvisit {__version__}'\n", encoding="utf-8")
    exe.chmod(0o755)
    for size in (16, 48, 256):
        (icons / f"fieldvisit-{size}.png").write_bytes(b"\x89PNG fake")
    shutil.copy(ROOT / "resources" / "icons" / "fieldvisit.svg", icons / "fieldvisit.svg")
    return bundle


def _script(name: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "XDG_CONFIG_HOME": str(home / ".config"),
    }
    return subprocess.run(
        ["sh", str(LINUX / name), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@needs_sh
def test_install_user_then_uninstall(tmp_path: Path) -> None:
    home = tmp_path / "home with space"
    home.mkdir()
    bundle = _fake_bundle(tmp_path)
    share = home / ".local" / "share"
    notes = share / "fieldvisit" / "fieldvisit.sqlite"  # the user's data: must survive
    notes.parent.mkdir(parents=True)
    notes.write_bytes(b"notes")

    for _ in range(2):  # installing again over an installation works the same
        done = _script("install-user.sh", home, str(bundle))
        assert done.returncode == 0, done.stderr

    command = home / ".local" / "bin" / "fieldvisit"
    assert command.is_symlink()
    assert command.resolve() == (home / ".local" / "opt" / "fieldvisit" / "fieldvisit").resolve()
    ran = subprocess.run([str(command)], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == f"fieldvisit {__version__}"

    entry = _desktop_entry(share / "applications" / "fieldvisit.desktop")
    assert entry["Exec"] == f'"{command}" %f'
    organiser = _desktop_entry(share / "applications" / "fieldvisit-organiser.desktop")
    assert organiser["Exec"] == f'"{command}" organiser'
    assert entry["TryExec"] == str(command)
    assert "application/x-fieldvisit-pack" in entry["MimeType"]
    assert (share / "mime" / "packages" / "fieldvisit.xml").read_bytes() == (
        LINUX / "fieldvisit-mime.xml"
    ).read_bytes()
    for size in (16, 48, 256):
        assert (
            share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "fieldvisit.png"
        ).is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "fieldvisit.svg").is_file()
    if shutil.which("update-mime-database"):
        globs = (share / "mime" / "globs2").read_text(encoding="utf-8")
        assert "application/x-fieldvisit-pack:*.fvpack" in globs
        assert "application/x-fieldvisit-return:*.fvreturn" in globs

    done = _script("uninstall-user.sh", home)
    assert done.returncode == 0, done.stderr
    assert not command.exists() and not command.is_symlink()
    assert not (home / ".local" / "opt" / "fieldvisit").exists()
    assert not (share / "applications" / "fieldvisit.desktop").exists()
    assert not (share / "applications" / "fieldvisit-organiser.desktop").exists()
    assert not (share / "mime" / "packages" / "fieldvisit.xml").exists()
    assert not list((share / "icons").rglob("fieldvisit.*"))
    assert notes.read_bytes() == b"notes"


@needs_sh
def test_install_user_refuses_a_missing_bundle(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = _script("install-user.sh", home, str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert "no built app" in done.stderr
    assert not (home / ".local").exists()


@needs_sh
def test_uninstall_keeps_a_foreign_fieldvisit_command(tmp_path: Path) -> None:
    home = tmp_path / "home"
    other = home / ".local" / "bin" / "fieldvisit"
    other.parent.mkdir(parents=True)
    other.write_text("#!/bin/sh\n", encoding="utf-8")
    done = _script("uninstall-user.sh", home)
    assert done.returncode == 0, done.stderr
    assert other.is_file()


# --- what the bundle leaves out ----------------------------------------------------------------
_WITHOUT_LIBPQ = """
import ctypes.util, sys
sys.modules["psycopg_binary"] = None  # the bundle carries psycopg's pure-Python layer only
sys.modules["psycopg_c"] = None
real = ctypes.util.find_library
ctypes.util.find_library = lambda name: None if name in ("pq", "libpq") else real(name)
from fieldvisit.domain.errors import UserError
from fieldvisit.storage.collation.engine import CollationStore
try:
    CollationStore.open("postgresql+psycopg://ann@127.0.0.1:9/team")
except UserError as exc:
    print("MESSAGE", str(exc))
"""


def test_without_libpq_a_postgresql_store_says_so_in_one_line(tmp_path: Path) -> None:
    """The frozen bundle drops psycopg_binary: a laptop without libpq gets one clear line."""
    env = {**os.environ, "PSYCOPG_IMPL": "python"}
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_LIBPQ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("MESSAGE")]
    assert len(lines) == 1 and "\n" not in lines[0]
    assert "PostgreSQL client library (libpq)" in lines[0]
    assert "libpq5" in lines[0]


def test_the_bundle_leaves_out_psycopg_binary_and_the_system_openssl() -> None:
    assert {"psycopg_binary", "psycopg_c"} <= set(_spec_list("NO_PSYCOPG_BINARY"))
    assert "psycopg_binary" not in _spec_list("hiddenimports")
    assert set(_spec_list("SYSTEM_OPENSSL")) == {"libssl.so.3", "libcrypto.so.3"}
    # ...so the app itself must never need TLS or an OpenSSL-only hash (hashlib falls back
    # to Python's built-in hashes where the computer has no OpenSSL 3).
    used = _imported_modules(ROOT / "fieldvisit")
    assert not {"ssl", "_ssl", "_hashlib", "psycopg_binary"} & set(used)
    for path in (ROOT / "fieldvisit").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "pbkdf2_hmac" not in text and "hashlib.scrypt" not in text, path
