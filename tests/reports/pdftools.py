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


def lines(pdf: bytes | Path) -> list[tuple[int, float, float, float, str]]:
    """Every text line as poppler lays it out: (page, x_min, x_max, y_min, text), with y
    measured from the top of the page in points."""
    import html
    import re

    done = _run("pdftotext", pdf, "-bbox-layout")
    assert done.returncode == 0, done.stderr
    out: list[tuple[int, float, float, float, str]] = []
    page = 0
    for part in re.split(r"(<page [^>]*>|<line [^>]*>.*?</line>)", done.stdout, flags=re.S):
        if part.startswith("<page "):
            page += 1
        elif part.startswith("<line "):
            box = dict(re.findall(r'(\w+)="([\d.]+)"', part.split(">", 1)[0]))
            words = re.findall(r"<word [^>]*>(.*?)</word>", part, flags=re.S)
            text = html.unescape(" ".join(words))
            out.append((page, float(box["xMin"]), float(box["xMax"]), float(box["yMin"]), text))
    return out


def words(pdf: bytes | Path) -> list[tuple[int, float, float, float, float, str]]:
    """Every word: (page, x_min, y_min, x_max, y_max, text), y from the top in points."""
    import html
    import re

    done = _run("pdftotext", pdf, "-bbox")
    assert done.returncode == 0, done.stderr
    out: list[tuple[int, float, float, float, float, str]] = []
    page = 0
    for part in re.split(r"(<page [^>]*>|<word [^>]*>.*?</word>)", done.stdout, flags=re.S):
        if part.startswith("<page "):
            page += 1
        elif part.startswith("<word "):
            box = dict(re.findall(r'(\w+)="([\d.]+)"', part.split(">", 1)[0]))
            text = html.unescape(part.split(">", 1)[1].rsplit("<", 1)[0])
            out.append(
                (
                    page,
                    float(box["xMin"]),
                    float(box["yMin"]),
                    float(box["xMax"]),
                    float(box["yMax"]),
                    text,
                )
            )
    return out


def png_pages(pdf: bytes | Path, folder: Path, *, dpi: int = 60, gray: bool = False) -> list[Path]:
    """The pages as PNG images (pdftoppm), for looking at; greyscale with *gray*."""
    source = folder / "doc.pdf"
    source.write_bytes(pdf if isinstance(pdf, bytes) else pdf.read_bytes())
    args = ["pdftoppm", "-png", "-r", str(dpi), *(["-gray"] if gray else []), str(source)]
    done = subprocess.run([*args, str(folder / "page")], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return sorted(folder.glob("page*.png"))
