"""Uploaded files with bad content: disguised, polyglot, zip bombs, huge page counts, hostile
names, and arbitrary or mutated bytes (hypothesis). check_upload() accepts a file or refuses it
with a message; extract_text() returns text within its bounds; neither raises anything else."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from hypothesis import event, example, given
from hypothesis import strategies as st
from pypdf import PdfWriter

from cophub.core import files
from cophub.core.errors import DomainError
from cophub.core.files import check_upload, extract_text, safe_filename

from .fuzzing import fuzz_settings
from .test_files import PDF_WITH_JAVASCRIPT, make_docx, make_pdf

LIMIT = 5 * 1024 * 1024
PDF = make_pdf("Child online protection")
DOCX = make_docx("Child online protection")


def _upload(data: bytes, name: str = "document.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def _refusal(data: bytes, name: str = "document.pdf", language: str = "en") -> str:
    with translation.override(language), pytest.raises(DomainError) as refused:
        check_upload(_upload(data, name), max_bytes=LIMIT)
    return str(refused.value.message)


def _zip(parts: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_too_large_is_refused_with_the_sizes_in_the_language_asked():
    message = _refusal(b"%PDF-1.4" + b"0" * LIMIT, language="fr")
    assert message.startswith("Le fichier fait 5,0") and "la limite est de 5,0" in message


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"<html><script>alert(1)</script></html>", "report.pdf"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "report.docx"),
        (b"MZ\x90\x00" + b"\x00" * 200, "minutes.docx"),
        (_zip({"index.html": b"<script>alert(1)</script>"}), "report.docx"),
    ],
)
def test_a_web_page_or_program_under_a_document_name_is_refused(data, name):
    assert _refusal(data, name, language="es").startswith("Este archivo no es un documento")


def test_an_html_and_pdf_polyglot_is_refused_and_if_stored_is_a_download(tmp_path):
    """A PDF reader skips what comes before %PDF-: the same bytes are a web page and a PDF."""
    polyglot = b"<html><body><script>alert(document.cookie)</script>" + PDF
    assert _refusal(polyglot, "page.html").startswith("The file is not a plain PDF")
    # One stored before the check is served as a download, never opened in the browser.
    stored = tmp_path / "page.html"
    stored.write_bytes(polyglot)
    response = files.file_response(_Stored(stored), filename="page.html", kind="pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="page.html.pdf"'


def test_only_a_pdf_that_passes_the_check_again_is_served_inline(tmp_path):
    stored = tmp_path / "clean.pdf"
    stored.write_bytes(PDF)
    response = files.file_response(_Stored(stored), filename="clean.pdf", kind="pdf")
    assert response["Content-Disposition"] == 'inline; filename="clean.pdf"'
    stored.write_bytes(PDF_WITH_JAVASCRIPT)
    response = files.file_response(_Stored(stored), filename="clean.pdf", kind="pdf")
    assert response["Content-Disposition"] == 'attachment; filename="clean.pdf"'


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pptx", "odt", "html", "svg"])
def test_everything_but_pdf_is_a_download_with_its_own_type(tmp_path, kind):
    stored = tmp_path / "file"
    stored.write_bytes(b"whatever")
    response = files.file_response(_Stored(stored), filename=f"x.{kind}", kind=kind)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == files.CONTENT_TYPES.get(kind, "application/octet-stream")
    assert "html" not in response["Content-Type"] and "svg" not in response["Content-Type"]


class _Stored:
    """A stored file as a FileField gives it."""

    def __init__(self, path):
        self.path = path

    def open(self, mode):
        return open(self.path, mode)  # noqa: SIM115 - FileResponse closes it


def test_a_zip_bomb_in_a_docx_is_refused_and_its_text_not_unpacked():
    bomb = _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<w:document>" + b" " * 200_000_000 + b"</w:document>",
        }
    )
    assert len(bomb) < 1_000_000
    assert "expands to far more than its size" in _refusal(bomb, "bomb.docx")
    # extract_text() bounds it too, when it is handed a file check_upload() never saw.
    assert extract_text(io.BytesIO(bomb), "docx") == ""


def test_a_large_but_honest_expansion_stays_under_the_absolute_bound(monkeypatch):
    monkeypatch.setattr(files, "MAX_EXPANDED_BYTES", 1_000)
    document = make_docx("x " * 2_000)
    assert "expands to far more" in _refusal(document, "long.docx")


def test_a_pdf_with_a_huge_page_count_is_read_only_up_to_the_page_bound(monkeypatch):
    writer = PdfWriter()
    for _ in range(300):
        writer.add_blank_page(width=72, height=72)
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    assert check_upload(_upload(data), max_bytes=LIMIT) == "pdf"
    read = []
    real_pages = files._pdf_text

    def counting(data):
        from pypdf import PageObject

        original = PageObject.extract_text

        def extract(page, *args, **kwargs):
            read.append(page)
            return original(page, *args, **kwargs)

        monkeypatch.setattr(PageObject, "extract_text", extract)
        return real_pages(data)

    monkeypatch.setattr(files, "MAX_TEXT_PAGES", 50)
    monkeypatch.setitem(files._TEXT_READERS, "pdf", counting)
    assert extract_text(io.BytesIO(data), "pdf") == "\n" * 49
    assert len(read) == 50


def test_a_pdf_whose_page_tree_lies_about_its_count_is_refused_or_read():
    writer = PdfWriter()
    writer.add_blank_page(width=72, height=72)
    buffer = io.BytesIO()
    writer.write(buffer)
    lying = buffer.getvalue().replace(b"/Count 1", b"/Count 999999999")
    assert b"/Count 999999999" in lying
    try:
        kind = check_upload(_upload(lying), max_bytes=LIMIT)
    except DomainError as error:
        assert str(error.message)
    else:
        assert kind == "pdf"
        assert extract_text(io.BytesIO(lying), "pdf") == ""


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("../../../etc/passwd", "pdf", "passwd.pdf"),
        ("..\\..\\windows\\system32\\report.docx", "docx", "report.docx"),
        ("report\u202efdp.exe", "pdf", "reportfdp.exe.pdf"),  # RIGHT-TO-LEFT OVERRIDE
        ("in\u200bvisible\u2066.docx", "docx", "invisible.docx"),
        ("line\nbreak\r\x00\x07.pdf", "pdf", "line break.pdf"),
        ("\x00\x01\x02", "pdf", "document.pdf"),
        ("....pdf", "pdf", "document.pdf"),
        ("x" * 500 + ".docx", "docx", "x" * 120 + ".docx"),
        ("page.html", "pdf", "page.html.pdf"),
        ("تقرير حماية الأطفال.PDF", "pdf", "تقرير حماية الأطفال.pdf"),
    ],
)
def test_file_names_lose_paths_controls_and_bidi_overrides(name, kind, expected):
    assert safe_filename(name, kind) == expected


# Fuzzing: arbitrary bytes, and real files with some bytes changed.


def _mutated(original: bytes):
    @st.composite
    def mutate(draw):
        data = bytearray(original)
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, len(data) - 1))
            action = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
            if action == "flip":
                data[at] = draw(st.integers(0, 255))
            elif action == "cut":
                del data[at : at + draw(st.integers(1, 64))]
            elif action == "insert":
                data[at:at] = draw(st.binary(min_size=1, max_size=64))
            else:
                del data[at:]
            if not data:
                data = bytearray(b"%")
        return bytes(data)

    return mutate()


def _check_and_extract(data: bytes, name: str) -> None:
    try:
        kind = check_upload(_upload(data, name), max_bytes=LIMIT)
    except DomainError as error:
        event("refused")
        assert str(error.message).strip()
        return
    event(f"accepted {kind}")
    assert kind in files.CONTENT_TYPES
    text = extract_text(io.BytesIO(data), kind)
    assert isinstance(text, str) and "\x00" not in text and len(text) <= files.MAX_TEXT_CHARS


@fuzz_settings(100)
@given(data=st.binary(max_size=2_000))
@example(data=b"%PDF-")
@example(data=b"PK\x03\x04")
@example(data=b"%PDF-1.4\n1 0 obj<</Type/Pages/Kids[1 0 R]/Count 1>>endobj trailer<</Root 1 0 R>>")
def test_arbitrary_bytes_are_accepted_or_refused_with_a_message(data):
    _check_and_extract(data, "file.pdf")


@fuzz_settings(60)
@given(data=_mutated(PDF))
def test_mutated_pdfs_are_accepted_or_refused_with_a_message(data):
    _check_and_extract(data, "file.pdf")


@fuzz_settings(60)
@given(data=_mutated(DOCX))
def test_mutated_docx_files_are_accepted_or_refused_with_a_message(data):
    _check_and_extract(data, "file.docx")


@fuzz_settings(60)
@given(data=st.binary(max_size=3_000), kind=st.sampled_from(sorted(files.CONTENT_TYPES)))
def test_extract_text_of_any_bytes_returns_text(data, kind):
    text = extract_text(io.BytesIO(data), kind)
    assert isinstance(text, str) and len(text) <= files.MAX_TEXT_CHARS


@fuzz_settings(100)
@given(name=st.text(), kind=st.sampled_from(sorted(files.CONTENT_TYPES)))
def test_any_name_becomes_a_plain_name_with_the_kind_as_extension(name, kind):
    safe = safe_filename(name, kind)
    assert safe.endswith(f".{kind}") and len(safe) <= 120 + len(kind) + 1
    assert "/" not in safe and "\\\\" not in safe and not safe.startswith(".")
    assert all(char.isprintable() for char in safe)
