"""Uploaded documents: recognised by their content, never by their name, and read for search.

Contributions, reports and resources arrive as PDF, DOCX, XLSX, PPTX or ODT. A file is accepted
only when its bytes are one of these formats and the matching library can open it, so a renamed
web page or program is refused. Office files with macros and password-protected files are refused
too: every registered document must be readable by anyone, without a password (Resolution 1306).

Documents carry no active content to their readers. A PDF with scripts, actions that run by
themselves or start programs, attached files, fillable forms or embedded media is refused with a
message that names what was found, and so is a file that is a web page before it is a PDF
(a polyglot). We refuse rather than rewrite: a contribution is a document of record, and a copy
with parts silently taken out would no longer be what its source sent; printing it again to PDF
gives a clean file in a minute. Office files with macros or ActiveX controls are refused too.
Files are served inline only when the check passes again on the stored bytes at serving time
(`file_response`), so a file stored before a check existed is a download.
"""

import io
import logging
import unicodedata
import zipfile
from typing import BinaryIO

from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .errors import DomainError

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
}
ACCEPTED = ", ".join(kind.upper() for kind in CONTENT_TYPES)

# The main part that each Office Open XML kind must contain.
_OOXML_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
# A zip that expands to more than this many times its size is refused (a "zip bomb").
_MAX_EXPANSION = 100
# Search needs the words, not whole books: the text kept per file is capped.
MAX_TEXT_CHARS = 2_000_000
# and so are the pages read for it, so that a PDF of a million empty pages costs no more.
MAX_TEXT_PAGES = 2_000
# Whatever its ratio, no file is unpacked past this size, for checking or for its words.
MAX_EXPANDED_BYTES = 500 * 1024 * 1024
# Only PDF opens in the browser, and only when it holds no active content (checked again when it
# is served); every other kind is downloaded. Anything else is never served as what its name says.
INLINE_KINDS = {"pdf"}


def _size(file: BinaryIO) -> int:
    size = getattr(file, "size", None)
    if size is None:
        position = file.tell()
        size = file.seek(0, io.SEEK_END)
        file.seek(position)
    return size


def _read_all(file: BinaryIO) -> bytes:
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data


def _zip_kind(data: bytes) -> str | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        return None
    if expanded > min(_MAX_EXPANSION * max(len(data), 1), MAX_EXPANDED_BYTES):
        raise DomainError(_("The file could not be read: it expands to far more than its size."))
    if any(_is_macro_part(name) for name in names):
        raise DomainError(_("Files with macros are not accepted. Please save it without macros."))
    if "mimetype" in names:
        if archive.read("mimetype").strip() == CONTENT_TYPES["odt"].encode():
            return "odt"
        return None
    if "[Content_Types].xml" in names:
        for part, kind in _OOXML_PARTS.items():
            if part in names:
                return kind
    return None


def _is_macro_part(name: str) -> bool:
    """VBA projects and ActiveX controls (Office Open XML), Basic and script libraries (ODF)."""
    name = name.lower()
    return (
        name.endswith("vbaproject.bin")
        or "/activex/" in f"/{name}"
        or name.startswith(("basic/", "scripts/"))
    )


# What makes a PDF act rather than be read, by the name a reader sees in the refusal. Keys of a
# dictionary anywhere in the file, and the action types (/S) of its actions.
_ACTIVE_KEYS = {
    "/JS": "script",
    "/JavaScript": "script",
    "/OpenAction": "automatic",
    "/AA": "automatic",
    "/Launch": "launch",
    "/EmbeddedFiles": "attachment",
    "/EmbeddedFile": "attachment",
    "/AcroForm": "form",
    "/XFA": "form",
    "/RichMedia": "media",
}
_ACTIVE_ACTIONS = {
    "/JavaScript": "script",
    "/Launch": "launch",
    "/GoToR": "launch",
    "/GoToE": "attachment",
    "/SubmitForm": "form",
    "/ImportData": "form",
    "/ResetForm": "form",
    "/Rendition": "media",
    "/Movie": "media",
    "/Sound": "media",
    "/RichMediaExecute": "media",
}
_ACTIVE_ORDER = ("script", "launch", "attachment", "form", "media", "automatic")
_ACTIVE_SUBTYPES = {"/FileAttachment": "attachment", "/RichMedia": "media", "/Screen": "media"}
# Past this many objects a PDF is not walked further: it is refused as too complex to check.
_MAX_PDF_OBJECTS = 500_000


def _active_content_names() -> dict[str, str]:
    return {
        "script": _("scripts (JavaScript)"),
        "automatic": _("actions that run by themselves when it is opened or read"),
        "launch": _("commands that open other programs or files"),
        "attachment": _("attached files"),
        "form": _("fillable forms"),
        "media": _("embedded media"),
        "complex": _("more parts than can be checked"),
    }


def pdf_active_content(reader) -> str | None:
    """The kind of active content found in a PDF's objects ("script", "launch", ...), the most
    telling first, or None. Every object reachable from the trailer is visited once; content
    streams are not parsed (they draw, they cannot act)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    found: set[str] = set()
    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > _MAX_PDF_OBJECTS:
                return "complex"
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            for name, value in node.items():
                found.add(_ACTIVE_KEYS.get(name, ""))
                if name == "/S":
                    found.add(_ACTIVE_ACTIONS.get(value, ""))
                elif name == "/Subtype":
                    found.add(_ACTIVE_SUBTYPES.get(value, ""))
                if name not in ("/Parent", "/P"):  # back links lead to what is visited anyway
                    stack.append(value)
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return next((kind for kind in _ACTIVE_ORDER if kind in found), None)


def _check_pdf(data: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF-"):
        # A reader skips what comes before %PDF-: those bytes make the file a web page too.
        raise DomainError(
            _("The file is not a plain PDF: something else comes before the PDF's beginning.")
        )
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
        if not encrypted:
            len(reader.pages)
            active = pdf_active_content(reader)
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
    ) as error:
        logger.info("refused a PDF that does not open: %s", error)
        raise DomainError(_("The file is not a readable PDF.")) from error
    if encrypted:
        raise DomainError(
            _("Password-protected files are not accepted: the public must be able to read them.")
        )
    if active:
        raise DomainError(
            _(
                "This PDF contains %(what)s, which documents here may not carry: readers must be "
                "able to open them safely. Please make a plain copy (for example with "
                "“Print to PDF”) and send that."
            )
            % {"what": _active_content_names()[active]}
        )


def is_passive_pdf(data: bytes) -> bool:
    """Whether stored bytes pass the upload's PDF check now (served inline only then)."""
    try:
        _check_pdf(data)
    except DomainError:
        return False
    return True


def _open_office(data: bytes, kind: str) -> None:
    """Open the file with the library that will read it, so a damaged file is refused now."""
    try:
        _OFFICE_READERS[kind](data)
    except Exception as error:  # noqa: BLE001 - each library raises its own kinds of error
        logger.info("refused a %s file that does not open: %s", kind, error)
        raise DomainError(
            _("The file looks like %(kind)s but could not be opened.") % {"kind": kind.upper()}
        ) from error


def check_upload(file: BinaryIO, *, max_bytes: int) -> str:
    """The file's kind ("pdf", "docx", "xlsx", "pptx" or "odt"), judged from its bytes.

    Raises DomainError with a message for the person who sent it.
    """
    size = _size(file)
    if size == 0:
        raise DomainError(_("The file is empty."))
    if size > max_bytes:
        raise DomainError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)}
        )
    data = _read_all(file)
    if b"%PDF-" in data[:1024]:
        _check_pdf(data)
        return "pdf"
    kind = _zip_kind(data) if data[:4] == b"PK\x03\x04" else None
    if kind is None:
        raise DomainError(
            _("This file is not a document we accept. Accepted formats: %(formats)s.")
            % {"formats": ACCEPTED}
        )
    _open_office(data, kind)
    return kind


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts, length = [], 0
    for number, page in enumerate(reader.pages):
        if number >= MAX_TEXT_PAGES or length >= MAX_TEXT_CHARS:
            break
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text) + 1
    return "\n".join(parts)


def _docx_document(data: bytes):
    import docx

    return docx.Document(io.BytesIO(data))


def _docx_text(data: bytes) -> str:
    document = _docx_document(data)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx_workbook(data: bytes):
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)


def _xlsx_text(data: bytes) -> str:
    workbook = _xlsx_workbook(data)
    parts = []
    for sheet in workbook.worksheets:
        parts.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells = [str(value) for value in row if value is not None]
            if cells:
                parts.append("\t".join(cells))
    workbook.close()
    return "\n".join(parts)


def _pptx_presentation(data: bytes):
    import pptx

    return pptx.Presentation(io.BytesIO(data))


def _pptx_text(data: bytes) -> str:
    parts = []
    for slide in _pptx_presentation(data).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
    return "\n".join(parts)


def _odt_document(data: bytes):
    from odf.opendocument import load

    return load(io.BytesIO(data))


def _odt_text(data: bytes) -> str:
    from odf import teletype, text

    document = _odt_document(data)
    elements = document.getElementsByType(text.H) + document.getElementsByType(text.P)
    return "\n".join(teletype.extractText(element) for element in elements)


_OFFICE_READERS = {
    "docx": _docx_document,
    "xlsx": _xlsx_workbook,
    "pptx": _pptx_presentation,
    "odt": _odt_document,
}
_TEXT_READERS = {
    "pdf": _pdf_text,
    "docx": _docx_text,
    "xlsx": _xlsx_text,
    "pptx": _pptx_text,
    "odt": _odt_text,
}


def extract_text(file: BinaryIO, kind: str) -> str:
    """The words of a file that check_upload() accepted, for search; empty if none can be read.

    A scanned PDF has no text layer: it stays searchable by its title and abstract.
    """
    data = _read_all(file)
    try:
        if kind != "pdf":
            # The same bound as check_upload(): extract_text() may be given any file.
            _zip_kind(data)
        words = _TEXT_READERS[kind](data)
    except Exception as error:  # noqa: BLE001 - a file that opened may still hold unreadable parts
        logger.warning("could not extract the text of a %s file: %s", kind, error)
        return ""
    # PostgreSQL text cannot hold NUL characters.
    return words.replace("\x00", "")[:MAX_TEXT_CHARS]


# Characters that are never part of a file's name: controls, format characters (the bidi
# overrides that make "cod.exe" show as "exe.doc", zero-width joiners), surrogates, unassigned.
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
_MAX_STEM = 120


def safe_filename(name: str, kind: str) -> str:
    """The name a file is stored and served under: its last path part, without control or bidi
    characters, ending in the extension of the kind its content was found to be."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        " " if char.isspace() else char
        for char in name
        if unicodedata.category(char) not in _DROPPED_CATEGORIES or char.isspace()
    )
    stem = " ".join(name.split())
    if stem.lower().endswith(f".{kind}"):
        stem = stem[: -len(kind) - 1]
    stem = stem.strip(" .")[:_MAX_STEM].strip(" .") or "document"
    return f"{stem}.{kind}"


def _inline(file, kind: str) -> bool:
    if kind not in INLINE_KINDS:
        return False
    with file.open("rb") as stored:
        return is_passive_pdf(stored.read())


def file_response(file, *, filename: str, kind: str) -> FileResponse:
    """An uploaded file, served as the kind its content was found to be, never as its name or
    the sender's claimed type says: a PDF whose stored bytes pass the check again opens in the
    browser; any other kind, any other PDF, and anything unknown, is downloaded. nosniff stops
    the browser guessing from the bytes."""
    content_type = CONTENT_TYPES.get(kind, "application/octet-stream")
    inline = _inline(file, kind)
    response = FileResponse(
        file.open("rb"),
        content_type=content_type,
        as_attachment=not inline,
        filename=safe_filename(filename, kind if kind in CONTENT_TYPES else "bin"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# The largest file any form takes (a resource, 50 MB): a bigger upload is counted to the end,
# so that the form can say how big it was, but no more of it is written to disk.
MAX_STORED_UPLOAD_BYTES = 50 * 1024 * 1024 + 1


class BoundedUploadHandler(TemporaryFileUploadHandler):
    """Django's temporary-file handler that writes at most MAX_STORED_UPLOAD_BYTES of a file."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.written = 0

    def receive_data_chunk(self, raw_data, start):
        room = MAX_STORED_UPLOAD_BYTES - self.written
        if room > 0:
            self.file.write(raw_data[:room])
            self.written += min(room, len(raw_data))
        return None
