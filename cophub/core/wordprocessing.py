"""Word (DOCX) documents written by python-docx, right to left in Arabic: Word needs each
paragraph marked `bidi` and each run `rtl`, and a table `bidiVisual`, to lay them out so."""

from typing import Any


def bidi(paragraph: Any, rtl: bool) -> Any:
    """The paragraph, marked right to left when `rtl`."""
    if rtl:
        from docx.oxml import OxmlElement

        paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        for run in paragraph.runs:
            run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
    return paragraph


def bidi_table(table: Any, rtl: bool) -> Any:
    """The table, with its columns from right to left when `rtl`."""
    if rtl:
        from docx.oxml import OxmlElement

        table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
    return table
