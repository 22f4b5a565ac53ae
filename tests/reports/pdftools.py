"""Reading PDFs back as a user's tools would: poppler's pdftotext, pdfinfo and pdffonts."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path


def _run(tool: str, pdf: bytes | Path, *args: str) -> subprocess.CompletedProcess[str]:
    if isinstance(pdf, Path):
        return subprocess.run(
            [tool, *args, str(pdf), *(["-"] if tool == "pdftotext" else [])],
            capture_output=True,
            text=True,
            timeout=60,
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        return _run(tool, path, *args)


def text(pdf: bytes | Path, password: str | None = None) -> str:
    """All text, pages separated by form feeds; fails if poppler cannot read the file."""
    args = ["-enc", "UTF-8", *(["-upw", password] if password is not None else [])]
    done = _run("pdftotext", pdf, *args)
    if done.returncode != 0:
        raise AssertionError(f"pdftotext failed: {done.stderr.strip()}")
    return done.stdout


def pages(pdf: bytes | Path, password: str | None = None) -> list[str]:
    found = text(pdf, password).split("\f")
    return found[:-1] if found and not found[-1].strip() else found


def flat(value: str) -> str:
    """White space folded, so text wrapped over lines compares with the source."""
    return " ".join(value.split())


def info(pdf: bytes | Path, password: str | None = None) -> dict[str, str]:
    args = ["-enc", "UTF-8", *(["-upw", password] if password is not None else [])]
    done = _run("pdfinfo", pdf, *args)
    if done.returncode != 0:
        raise AssertionError(f"pdfinfo failed: {done.stderr.strip()}")
    out = {}
    for line in done.stdout.splitlines():
        key, _, value = line.partition(":")
        out[key.strip()] = value.strip()
    return out


def readable(pdf: bytes | Path, password: str | None = None) -> bool:
    args = ["-upw", password] if password is not None else []
    return _run("pdftotext", pdf, *args).returncode == 0


def fonts(pdf: bytes | Path) -> list[str]:
    """pdffonts' table rows (name, type, encoding, emb, sub, uni, ...)."""
    done = _run("pdffonts", pdf)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[2:]


def red_pixels(pdf: bytes | Path, page: int = 1) -> int:
    """How many clearly red pixels page *page* shows at low resolution (the DRAFT mark)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "doc.pdf"
        source.write_bytes(pdf if isinstance(pdf, bytes) else pdf.read_bytes())
        stem = Path(folder) / "page"
        done = subprocess.run(
            ["pdftoppm", "-r", "30", "-f", str(page), "-l", str(page), str(source), str(stem)],
            capture_output=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        (image,) = Path(folder).glob("page*.ppm")
        raw = image.read_bytes()
    # P6 header: magic, width, height, maxval, each followed by one white-space byte.
    fields = raw.split(maxsplit=4)
    width, height = int(fields[1]), int(fields[2])
    pixels = fields[4][: width * height * 3]
    return sum(
        1
        for i in range(0, len(pixels), 3)
        if pixels[i] > pixels[i + 1] + 8 and pixels[i] > pixels[i + 2] + 8
    )
