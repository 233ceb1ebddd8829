"""Printing an HTML report to PDF with a headless Chromium: the edge where a page
becomes a file a lawyer takes to a meeting.

The browser is Chromium or Chrome, found as ``$TREATYDIFF_CHROMIUM`` or on the PATH
(``chromium``, ``chromium-browser``, ``google-chrome``...); Debian and Ubuntu install it
with ``apt-get install chromium``. It runs once per PDF with a fresh profile in a
temporary folder, no network services and no sandbox (it prints a page of ours that
loads nothing else: its Content Security Policy allows no request), and prints with
``--print-to-pdf``. The page's own print CSS sets the paper, the running header naming
both sides and the page numbers (CSS margin boxes, Chromium 131 or later), so the
browser's header and footer are switched off.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

from treatydiff.errors import OutputError

BROWSER_ENV = "TREATYDIFF_CHROMIUM"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)
# A report of two long treaties prints in a few seconds; a browser that hangs is stopped.
TIMEOUT_SECONDS = 180
_FIX = (
    f"install Chromium (Debian, Ubuntu: apt-get install chromium) or set {BROWSER_ENV} "
    "to a Chromium or Chrome program"
)


def find_browser() -> str:
    """The Chromium or Chrome program to print with: ``$TREATYDIFF_CHROMIUM``, else the
    first of BROWSERS on the PATH. OutputError, naming the fix, when there is none."""
    named = os.environ.get(BROWSER_ENV)
    if named:
        found = shutil.which(named)
        if found is None:
            raise OutputError(f"cannot print a PDF: {BROWSER_ENV}={named} is no program; {_FIX}")
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found is not None:
            return found
    raise OutputError(f"cannot print a PDF: no Chromium or Chrome found; {_FIX}")


# The dates Chromium stamps in the document information: the time of printing.
_PDF_DATES = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)\d{14}")
# The ids of the tagged PDF's structure elements: the browser's node numbers, which shift
# from run to run.
_NODE_IDS = re.compile(rb"\(node(\d{8})\)")


def print_pdf(html: str, *, browser: str | None = None, date: datetime | None = None) -> bytes:
    """The PDF of the HTML page ``html`` (a self-contained page: it is printed from a
    temporary folder), printed by ``browser`` (None: ``find_browser()``), its creation
    and modification dates ``date`` (None: 1970-01-01 00:00 UTC), so the same page gives
    the same bytes. OutputError when the browser is missing, fails or prints nothing."""
    program = browser or find_browser()
    with tempfile.TemporaryDirectory(prefix="treatydiff-print-") as folder:
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")
        pdf = Path(folder) / "report.pdf"
        command = [
            program,
            *FLAGS,
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except FileNotFoundError:
            raise OutputError(f"cannot print a PDF: {program} is missing; {_FIX}") from None
        except subprocess.TimeoutExpired:
            raise OutputError(
                f"cannot print a PDF: {program} did not finish in {TIMEOUT_SECONDS} s"
            ) from None
        data = pdf.read_bytes() if pdf.is_file() else b""
        if not data.startswith(b"%PDF"):
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            why = said[-1] if said else f"exit status {done.returncode}"
            raise OutputError(f"cannot print a PDF: {program} printed nothing ({why})")
        return _reproducible(data, date or datetime(1970, 1, 1))


def _reproducible(data: bytes, date: datetime) -> bytes:
    """``data`` with the dates set to ``date`` and the node ids numbered 1, 2, ... in their
    own order (an order-keeping renumbering: the ID tree stays sorted). Every value keeps
    its length, so the cross-reference offsets still hold."""
    stamp = date.strftime("%Y%m%d%H%M%S").encode("ascii")
    data = _PDF_DATES.sub(lambda m: m.group(1) + stamp, data)
    numbers = sorted({int(m.group(1)) for m in _NODE_IDS.finditer(data)})
    rank = {number: n for n, number in enumerate(numbers, start=1)}
    return _NODE_IDS.sub(lambda m: b"(node%08d)" % rank[int(m.group(1))], data)
