"""Telling a source's format from its content: ``detect_document`` for the layout formats
read from bytes (PDF, Word, HTML), ``detect_format`` for the text formats.

Used by the registry (``treatydiff.formats``); raises FormatError for a text no format fits.
"""

from __future__ import annotations

import re

from treatydiff.errors import FormatError

# PDF (``treatydiff.formats.pdf``, the documents extra): read from the bytes, told by its
# header.
_PDF_MAGIC = b"%PDF-"
_NATIVE_MAGIC = "%treatydiff-instrument"
_MD_HEADING = re.compile(r"^#{1,6}\s*\S", re.MULTILINE)

_AKN_ROOT = re.compile(r"<(?:[\w.-]+:)?akomaNtoso\b")
# An HTML page opens, after an XML declaration, comments and whitespace, with its doctype
# or one of its first elements.
_MARKUP_PROLOGUE = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*", re.DOTALL)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _is_html(head: str) -> bool:
    prologue = _MARKUP_PROLOGUE.match(head)
    return bool(_HTML_START.match(head, prologue.end() if prologue else 0))


def detect_document(data: bytes) -> str | None:
    """The layout format of the file ``data`` ("pdf", "docx", "html") or None for text.

    A PDF has its header within the first kilobyte (as readers accept it); a Word file is
    a zip package holding ``word/document.xml``; an HTML page is told by its start, in
    any encoding that writes ASCII as ASCII, or in UTF-16 with a BOM.
    """
    if _PDF_MAGIC in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                return "docx" if "word/document.xml" in package.namelist() else None
        except (zipfile.BadZipFile, OSError, EOFError):
            return None
    head = data[:4096]
    if head.startswith(_UTF16_BOMS):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    return "html" if _is_html(text) else None


def _unknown_json(text: str) -> str:
    """Why a JSON text is refused: treatydiff's own reports are views, not inputs, and
    the message names the export a user can read back."""
    again = "export with show --format treatydiff or --format akn for a file treatydiff reads back"
    schema = re.search(r'"schema":\s*"(treatydiff\.[a-z]+/[0-9]+)"', text)
    if schema:
        return f"JSON input is a treatydiff report ({schema[1]}), not an instrument; {again}"
    if re.match(r'\s*\{\s*"clauses":', text):
        return (
            f"JSON input is the clause list of show --format json, which is not read back; {again}"
        )
    return 'JSON input without an "articles" list is not a known format'


def detect_format(text: str) -> str:
    """Name of the format of ``text``; raises FormatError when none fits."""
    head = text.lstrip()[:2000]
    if head.startswith(_NATIVE_MAGIC):
        return "treatydiff"
    if head.startswith("<meta http-equiv") or re.search(r"^##[^#\s]", head, re.MULTILINE):
        return "laws-markdown"
    if _is_html(head):
        return "html"
    # An XML declaration, or the root element after comments or a doctype, with or
    # without a namespace prefix ("<akn:akomaNtoso").
    if head.startswith("<?xml") or _AKN_ROOT.search(head):
        return "akn"
    if head.startswith("{"):
        if '"articles"' in text:
            return "json-articles"
        raise FormatError(_unknown_json(text))
    if head.startswith("<"):
        raise FormatError("markup input that is neither Akoma Ntoso nor a known format")
    if head.startswith("[") and _is_json(text):
        raise FormatError("a JSON list is no known format (an article export is an object)")
    from treatydiff.formats.js_articles import looks_like

    if looks_like(text):
        return "js-articles"
    if _MD_HEADING.search(text):
        return "markdown"
    if re.search(r"[A-Za-z]{3,}", text):
        return "un-text"
    raise FormatError("no recognizable treaty text in input")


def _is_json(text: str) -> bool:
    """Whether ``text`` is one JSON value (a text that only starts like one, "[Draft]
    Convention ...", is not)."""
    import json

    if not text.rstrip().endswith("]"):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    except RecursionError:  # lists nested deeper than json reads: no treaty either
        return True
    return True
