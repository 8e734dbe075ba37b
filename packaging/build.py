"""Build the fieldvisit desktop bundle: icons, translations, PyInstaller, frozen self-test.

The one documented command (from the repository root):

    python3 -m uv run --group build python packaging/build.py [--no-self-test]

Steps: render build/icons/ (PNG 16..512 from resources/icons/fieldvisit.svg with QtSvg, then
ICO and ICNS with Pillow), compile translations into build/translations/, run PyInstaller on
packaging/fieldvisit.spec into dist/fieldvisit/, print the folder's size, then run the frozen
`fieldvisit --version`, `fieldvisit --self-test` (offscreen) and a few CLI commands, and
fail on a non-zero exit or on "Traceback", "ModuleNotFoundError" or "could not load the Qt
platform plugin" in their output. Nothing it
writes is committed (build/ and dist/ are ignored).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "fieldvisit.spec"
SVG = ROOT / "resources" / "icons" / "fieldvisit.svg"
TRANSLATIONS = ROOT / "resources" / "translations"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# ICO stops at 256 (Windows' largest); ICNS takes Apple's sizes.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)
FATAL_MARKERS = ("Traceback", "ModuleNotFoundError", "could not load the Qt platform plugin")
SELF_TEST_TIMEOUT = 300


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


# --- icons ------------------------------------------------------------------------------------
def render_pngs(svg: Path, out_dir: Path, sizes: Iterable[int] = ICON_SIZES) -> list[Path]:
    """Render `svg` to out_dir/fieldvisit-<n>.png for each size, with QtSvg (no network, no X)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"build: {svg}: not a valid SVG")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"fieldvisit-{size}.png"
        if not image.save(str(target)):
            raise SystemExit(f"build: cannot write {target}")
        written.append(target)
    return written


def make_ico_icns(png_dir: Path) -> tuple[Path, Path]:
    """fieldvisit.ico and fieldvisit.icns from the rendered PNGs (each size drawn, not scaled)."""
    from PIL import Image

    def load(size: int) -> Image.Image:
        return Image.open(png_dir / f"fieldvisit-{size}.png").convert("RGBA")

    ico = png_dir / "fieldvisit.ico"
    largest = load(max(ICO_SIZES))
    largest.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[load(s) for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    icns = png_dir / "fieldvisit.icns"
    biggest = load(max(ICNS_SIZES))
    biggest.save(
        icns,
        format="ICNS",
        append_images=[load(s) for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    return ico, icns


# --- translations -----------------------------------------------------------------------------
def _lrelease() -> list[str]:
    """PySide6's bundled lrelease: the pyside6-lrelease entry point, else the binary itself."""
    script = Path(sys.executable).with_name("pyside6-lrelease")
    if script.exists():
        return [str(script)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    import PySide6

    package = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        if (package / name).exists():
            return [str(package / name)]
    raise SystemExit("build: PySide6's lrelease not found (is PySide6-Essentials installed?)")


def compile_translations(out_dir: Path) -> list[Path]:
    """The GUI's own compile_translations when it exists, else lrelease on each .ts file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        from fieldvisit.gui.i18n import compile_translations as gui_compile
    except ImportError:
        written = []
        for ts in sorted(TRANSLATIONS.glob("fieldvisit_*.ts")):
            qm = out_dir / ts.with_suffix(".qm").name
            subprocess.run([*_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
            written.append(qm)
        return written
    return gui_compile(out_dir)


# --- PyInstaller, size, self-test -------------------------------------------------------------
def run_pyinstaller(dist: Path, work: Path, build_dir: Path) -> Path:
    """PyInstaller on the spec; `build_dir` holds the icons and .qm files the spec collects."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work}",
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
        env=dict(os.environ, FIELDVISIT_BUILD_DIR=str(build_dir)),
    )
    return dist / "fieldvisit"


def executable(bundle: Path) -> Path:
    name = "fieldvisit.exe" if sys.platform == "win32" else "fieldvisit"
    if sys.platform == "darwin":
        app = bundle.parent / "Field Visit Companion.app" / "Contents" / "MacOS" / "fieldvisit"
        if app.exists():
            return app
    return bundle / name


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def output_problems(output: str, returncode: int) -> list[str]:
    """Why a frozen run's output counts as failed (empty list: it passed)."""
    problems = [f"exit code {returncode}"] if returncode != 0 else []
    lowered = output.lower()
    problems += [f"output contains {m!r}" for m in FATAL_MARKERS if m.lower() in lowered]
    return problems


def frozen_self_test(exe: Path, timeout: float = SELF_TEST_TIMEOUT) -> list[str]:
    """Run `exe --self-test` offscreen, echo its output, return the problems found.

    The report is also requested in a file ($FIELDVISIT_SELF_TEST_LOG): a windowed Windows
    executable may have no stdout, and then the file is what is checked.
    """
    with tempfile.TemporaryDirectory(prefix="fieldvisit-build-") as folder:
        log_file = Path(folder) / "self-test.log"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDVISIT_SELF_TEST_LOG=str(log_file))
        env.pop("FIELDVISIT_DATA_DIR", None)  # the self-test makes its own temporary data dir
        try:
            done = subprocess.run(
                [str(exe), "--self-test"],
                capture_output=True,
                text=True,
                timeout=timeout,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return [f"self-test did not finish within {timeout:.0f} s"]
        report = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
    output = done.stdout + done.stderr
    if "self-test " not in done.stdout:
        output += report
    print(output, end="" if output.endswith("\n") else "\n")
    problems = output_problems(output, done.returncode)
    if "self-test passed" not in output and not problems:
        problems.append("the self-test printed no result line")
    return problems


def frozen_version(exe: Path) -> list[str]:
    """`exe --version` must print `fieldvisit <version>` (not checked on windowed Windows)."""
    done = subprocess.run(
        [str(exe), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    output = (done.stdout + done.stderr).strip()
    problems = output_problems(output, done.returncode)
    if sys.platform != "win32" and output != f"fieldvisit {_version()}":
        problems.append(f"--version printed {output!r}")
    return problems


def _recurring_ics(folder: Path) -> Path:
    path = folder / "recurring.ics"
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fieldvisit//build check//EN",
        "X-WR-TIMEZONE:Europe/Amsterdam", "BEGIN:VEVENT", "UID:coffee@build-check",
        "DTSTART;TZID=Europe/Amsterdam:20170215T103000", "DURATION:PT30M",
        "RRULE:FREQ=DAILY;COUNT=2", "SUMMARY:Coffee", "END:VEVENT", "END:VCALENDAR",
    ]  # fmt: skip
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def frozen_cli_checks(exe: Path, timeout: float = 120) -> list[str]:
    """The command-line paths the GUI self-test does not take: the pack builder and reader
    (jsonschema, cryptography), the importer, an interop writer (iCalendar) and openpyxl.
    They load modules lazily by name, so a module PyInstaller missed shows up only here."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="fieldvisit-cli-") as folder:
        tmp = Path(folder)
        pack = tmp / "ran.fvpack"
        sample = ROOT / "resources" / "samples" / "ran-central-asia-2021"
        commands = [
            ["pack", "build", str(sample), "-o", str(pack), "--unsigned"],
            ["pack", "verify", str(pack), "--allow-unsigned"],
            ["import", str(pack), "--allow-unsigned"],
            ["export", "agenda", "-o", str(tmp / "agenda.ics")],
            # vCards through vobject, which the bundle carries without pytz.
            ["export", "contacts", "-o", str(tmp / "contacts.vcf")],
            ["pack", "template", "-o", str(tmp / "template.xlsx")],
            # A recurring iCalendar event: recurring-ical-events and dateutil, loaded lazily.
            ["pack", "build", str(_recurring_ics(tmp)), "-o", str(tmp / "r.fvpack"), "--unsigned"],
        ]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDVISIT_DATA_DIR=str(tmp / "data"))
        for command in commands:
            done = subprocess.run(
                [str(exe), *command],
                capture_output=True,
                text=True,
                timeout=timeout,
                env=env,
                check=False,
            )
            found = output_problems(done.stdout + done.stderr, done.returncode)
            if found:
                print(done.stdout + done.stderr)
                problems += [f"`fieldvisit {' '.join(command[:2])}`: {p}" for p in found]
        problems += _frozen_postgresql_check(exe, env, tmp, timeout)
    return problems


def _frozen_postgresql_check(
    exe: Path, env: dict[str, str], tmp: Path, timeout: float
) -> list[str]:
    """A PostgreSQL collation store through psycopg's pure-Python layer (the bundle has no
    psycopg_binary): a closed port must give exit 2 and one line, whether the computer's
    libpq is there (it cannot connect) or not (it says libpq is needed)."""
    url = "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=5"
    command = ["report", "--db", url, "-o", str(tmp / "report")]
    done = subprocess.run(
        [str(exe), *command], capture_output=True, text=True, timeout=timeout, env=env, check=False
    )
    output = (done.stdout + done.stderr).strip()
    found = output_problems(output, 0)
    if done.returncode != 2:
        found.append(f"exit code {done.returncode} (expected 2)")
    if len(output.splitlines()) != 1:
        found.append(f"{len(output.splitlines())} lines of output (expected one)")
    if found:
        print(output)
    else:
        log(f"PostgreSQL without psycopg_binary: {output}")
    return [f"`fieldvisit report --db postgresql…`: {p}" for p in found]


def _version() -> str:
    from fieldvisit import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--no-self-test", action="store_true", help="skip the frozen self-test and CLI checks"
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="build folder")
    args = parser.parse_args(argv)
    started = time.monotonic()

    def step(name: str, began: float) -> None:
        log(f"{name}: {time.monotonic() - began:.1f} s")

    began = time.monotonic()
    pngs = render_pngs(SVG, args.work / "icons")
    make_ico_icns(args.work / "icons")
    step(f"icons ({len(pngs)} PNG + ICO + ICNS)", began)

    began = time.monotonic()
    qms = compile_translations(args.work / "translations")
    step(f"translations ({len(qms)} .qm)", began)

    began = time.monotonic()
    bundle = run_pyinstaller(args.dist, args.work / "pyinstaller", args.work)
    step("pyinstaller", began)
    size = folder_size(bundle)
    log(f"onedir size: {size / 1e6:.1f} MB ({bundle})")

    if not args.no_self_test:
        began = time.monotonic()
        exe = executable(bundle)
        problems = frozen_version(exe) + frozen_self_test(exe) + frozen_cli_checks(exe)
        step("frozen checks (--version, --self-test, CLI)", began)
        if problems:
            log("FROZEN SELF-TEST FAILED: " + "; ".join(problems))
            return 1
        log("frozen self-test and CLI checks passed")
    log(f"total: {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
