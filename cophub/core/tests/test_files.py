"""Uploaded files are judged by their bytes, and their words are read for search."""

import io
import zipfile

import docx
import openpyxl
import pptx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from odf import text as odf_text
from odf.opendocument import OpenDocumentText
from pypdf import PdfReader, PdfWriter

from cophub.core.errors import DomainError
from cophub.core.files import check_upload, extract_text

LIMIT = 5 * 1024 * 1024
ARABIC = "حماية الأطفال على الإنترنت"
CHINESE = "儿童在线保护"


def _upload(data: bytes, name: str = "contribution.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def make_pdf(words: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{words}</p>").write_pdf()


def make_docx(words: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(words)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "cell-one"
    table.rows[0].cells[1].text = "cell-two"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx(words: str) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append([words, 42])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_pptx(words: str) -> bytes:
    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = words
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def make_odt(words: str) -> bytes:
    document = OpenDocumentText()
    document.text.addElement(odf_text.P(text=words))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("maker", "kind"),
    [
        (make_pdf, "pdf"),
        (make_docx, "docx"),
        (make_xlsx, "xlsx"),
        (make_pptx, "pptx"),
        (make_odt, "odt"),
    ],
)
def test_each_format_is_recognised_by_content_and_its_words_are_read(maker, kind):
    words = f"Contribution {ARABIC} {CHINESE}"
    # The name says .txt: only the bytes count.
    upload = _upload(maker(words), name="renamed.txt")
    assert check_upload(upload, max_bytes=LIMIT) == kind
    extracted = extract_text(upload, kind)
    assert "Contribution" in extracted
    assert CHINESE in extracted
    if kind != "pdf":  # PDF text of right-to-left scripts may come out in visual order
        assert ARABIC in extracted
    if kind == "docx":
        assert "cell-two" in extracted


def test_a_web_page_named_pdf_is_refused_with_the_accepted_formats():
    upload = _upload(b"<html><body>not a pdf</body></html>", name="contribution.pdf")
    with pytest.raises(DomainError) as caught:
        check_upload(upload, max_bytes=LIMIT)
    assert "PDF, DOCX, XLSX, PPTX, ODT" in caught.value.message


def test_a_damaged_pdf_is_refused():
    data = make_pdf("text")
    with pytest.raises(DomainError, match="not a readable PDF"):
        check_upload(_upload(data[:200]), max_bytes=LIMIT)


def pdf_with(*, catalog: dict | None = None, annotation: dict | None = None, attach=False):
    """A plain PDF with entries added to its catalog, an annotation on its page, or a file."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    def pdf_object(value):
        if isinstance(value, dict):
            return DictionaryObject({NameObject(k): pdf_object(v) for k, v in value.items()})
        if isinstance(value, list):
            return ArrayObject(pdf_object(v) for v in value)
        return NameObject(value) if value.startswith("/") else TextStringObject(value)

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf("Child online protection"))))
    for key, value in (catalog or {}).items():
        writer._root_object[NameObject(key)] = pdf_object(value)
    if annotation:
        writer.pages[0][NameObject("/Annots")] = ArrayObject(
            [writer._add_object(pdf_object({"/Type": "/Annot", **annotation}))]
        )
    if attach:
        writer.add_attachment("invoice.exe", b"MZ\x90\x00")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# The probe's file: `/OpenAction << /S /JavaScript /JS (app.alert(1)) >>`.
PDF_WITH_JAVASCRIPT = pdf_with(
    catalog={"/OpenAction": {"/S": "/JavaScript", "/JS": "app.alert(1)"}}
)


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (PDF_WITH_JAVASCRIPT, "scripts (JavaScript)"),
        (
            pdf_with(catalog={"/Names": {"/JavaScript": {"/Names": ["x", {"/S": "/JavaScript", "/JS": "1"}]}}}),
            "scripts (JavaScript)",
        ),
        (pdf_with(catalog={"/OpenAction": {"/S": "/Launch", "/F": "cmd.exe"}}), "commands that open other programs"),
        (pdf_with(catalog={"/OpenAction": {"/S": "/GoToR", "/F": "other.pdf"}}), "commands that open other programs"),
        (pdf_with(annotation={"/Subtype": "/Link", "/A": {"/S": "/JavaScript", "/JS": "1"}}), "scripts"),
        (pdf_with(annotation={"/Subtype": "/Widget", "/AA": {"/Fo": {"/S": "/Named", "/N": "/Print"}}}), "actions that run by themselves"),
        (pdf_with(attach=True), "attached files"),
        (pdf_with(catalog={"/AcroForm": {"/Fields": []}}), "fillable forms"),
        (pdf_with(annotation={"/Subtype": "/RichMedia"}), "embedded media"),
    ],
)  # fmt: skip
def test_a_pdf_with_active_content_is_refused_naming_what_it_holds(data, named):
    with pytest.raises(DomainError) as caught:
        check_upload(_upload(data), max_bytes=LIMIT)
    assert caught.value.message.startswith("This PDF contains ")
    assert named in caught.value.message and "Print to PDF" in caught.value.message


def test_the_refusal_of_active_content_is_in_the_language_asked():
    with translation.override("fr"), pytest.raises(DomainError) as caught:
        check_upload(_upload(PDF_WITH_JAVASCRIPT), max_bytes=LIMIT)
    assert caught.value.message.startswith("Ce PDF contient des scripts")


def test_a_pdf_with_an_ordinary_link_is_accepted():
    linked = pdf_with(
        annotation={"/Subtype": "/Link", "/A": {"/S": "/URI", "/URI": "https://www.itu.int/"}}
    )
    assert check_upload(_upload(linked), max_bytes=LIMIT) == "pdf"


@pytest.mark.parametrize(
    ("maker", "part"),
    [
        (make_docx, "word/activeX/activeX1.bin"),
        (make_xlsx, "xl/vbaProject.bin"),
        (make_odt, "Basic/Standard/Module1.xml"),
        (make_odt, "Scripts/python/run.py"),
    ],
)
def test_office_files_with_macros_or_controls_are_refused(maker, part):
    buffer = io.BytesIO(maker("text"))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(part, b"\x00" * 10)
    with pytest.raises(DomainError, match="macros"):
        check_upload(_upload(buffer.getvalue(), "report"), max_bytes=LIMIT)


def test_a_password_protected_pdf_is_refused():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf("secret"))))
    writer.encrypt("password")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(DomainError, match="Password-protected"):
        check_upload(_upload(buffer.getvalue()), max_bytes=LIMIT)


def test_an_ordinary_zip_is_not_a_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(DomainError, match="not a document we accept"):
        check_upload(_upload(buffer.getvalue(), "report.docx"), max_bytes=LIMIT)


def test_a_word_file_with_macros_is_refused():
    buffer = io.BytesIO(make_docx("text"))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("word/vbaProject.bin", b"\x00" * 10)
    with pytest.raises(DomainError, match="macros"):
        check_upload(_upload(buffer.getvalue(), "report.docx"), max_bytes=LIMIT)


def test_a_zip_bomb_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * 50_000_000)
    with pytest.raises(DomainError, match="expands"):
        check_upload(_upload(buffer.getvalue(), "report.docx"), max_bytes=LIMIT)


def test_a_damaged_office_file_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "not xml at all <")
    with pytest.raises(DomainError, match="looks like DOCX"):
        check_upload(_upload(buffer.getvalue(), "report.docx"), max_bytes=LIMIT)


def test_empty_and_oversized_files_are_refused_with_sizes_in_the_language_asked():
    with pytest.raises(DomainError, match="empty"):
        check_upload(_upload(b""), max_bytes=LIMIT)
    data = make_docx("x" * 1000)
    with translation.override("fr"), pytest.raises(DomainError) as caught:
        check_upload(_upload(data), max_bytes=1024)
    assert "limite" in caught.value.message
    assert "1,0" in caught.value.message  # 1,0 Kio: the limit, formatted for French


def test_text_of_an_unreadable_file_is_empty():
    assert extract_text(_upload(b"%PDF-1.7 nothing"), "pdf") == ""
