"""Print, as JSON, what a word processor would find in a .docx file.

Usage: /usr/bin/python3 tests/support/docx_structure.py FILE.docx

Called by tests/support/wordFile.ts (readDocxStructure). Uses python-docx (Debian's python3-docx,
0.8.x) for what it knows (style names, core properties, the parts and their relationships) and the
XML under it (lxml) for the rest: python-docx 0.8 leaves hyperlink runs out of Paragraph.text and
knows nothing of fields, languages, tblHeader or content controls.

Output keys (see DocxStructure in wordFile.ts):
  paragraphs       body paragraphs in order, those inside block content controls (w:sdt, e.g. a
                   table of contents) included, those inside tables not: {style, styleId, text}
  tables           top-level body tables: {style, styleId, rows, headerRepeated}
  core             {title, author, subject}
  footerTexts      text of each footer part, in section order
  footerFields     field instructions in footers ("PAGE", "NUMPAGES", ...)
  bodyFields       field instructions in the body ("TOC \\o "1-3" \\h", ...)
  languages        distinct w:lang/@w:val in styles.xml and document.xml, sorted
  emptyParagraphs  body paragraphs with no text, drawing, picture, object, page break or field
  hyperlinks       {text, url} in the body; an internal link's url is "#anchor"
  pageBreaks       w:br[@w:type="page"] in the body plus paragraphs with w:pageBreakBefore on
"""

import json
import sys

try:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    from docx.enum.style import WD_STYLE_TYPE
except ImportError as error:  # pragma: no cover - depends on the machine
    sys.stderr.write(
        "python-docx is not importable by %s (%s): install Debian's python3-docx\n"
        % (sys.executable, error)
    )
    sys.exit(3)

W_P = qn("w:p")
W_TBL = qn("w:tbl")
W_SDT = qn("w:sdt")
W_SDT_CONTENT = qn("w:sdtContent")
W_R = qn("w:r")
W_TR = qn("w:tr")
W_TC = qn("w:tc")
W_VAL = qn("w:val")
OFF_VALUES = ("0", "false", "off")


def is_on(element):
    """A CT_OnOff element: on unless w:val says otherwise."""
    return element is not None and element.get(W_VAL, "true").lower() not in OFF_VALUES


def run_text(run):
    """What a run shows: w:t, tabs, line breaks (page and column breaks show nothing)."""
    out = []
    for child in run:
        tag = child.tag
        if tag == qn("w:t"):
            out.append(child.text or "")
        elif tag in (qn("w:tab"), qn("w:ptab")):
            out.append("\t")
        elif tag == qn("w:br"):
            if child.get(qn("w:type"), "textWrapping") == "textWrapping":
                out.append("\n")
        elif tag == qn("w:cr"):
            out.append("\n")
        elif tag == qn("w:noBreakHyphen"):
            out.append("-")
    return "".join(out)


def paragraph_text(p):
    """Text of a paragraph, runs inside hyperlinks, smart tags and field results included."""
    return "".join(run_text(r) for r in p.iter(W_R) if not has_ancestor(r, W_P, stop=p))


def has_ancestor(element, tag, stop):
    """Whether element sits in another `tag` element below `stop` (a nested paragraph, e.g. in a text box)."""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def body_blocks(container):
    """Top-level paragraphs and tables, looking through block content controls (w:sdt)."""
    for child in container.iterchildren():
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from body_blocks(content)


def field_instructions(root):
    """Instructions of complex fields (w:fldChar/w:instrText, nested ones too) and w:fldSimple, in order."""
    found = []
    stack = []  # instruction text of each open complex field; None once past its separator
    for element in root.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:fldSimple")):
        if element.tag == qn("w:fldSimple"):
            found.append(" ".join((element.get(qn("w:instr")) or "").split()))
        elif element.tag == qn("w:instrText"):
            if stack and stack[-1] is not None:
                stack[-1].append(element.text or "")
        else:
            kind = element.get(qn("w:fldCharType"))
            if kind == "begin":
                stack.append([])
            elif kind == "separate" and stack:
                if stack[-1] is not None:
                    found.append(" ".join("".join(stack[-1]).split()))
                stack[-1] = None
            elif kind == "end" and stack:
                parts = stack.pop()
                if parts is not None:  # a field with no separator (no cached result)
                    found.append(" ".join("".join(parts).split()))
    return [f for f in found if f]


def style_name(document, style_id, style_type):
    """The name of the style with this id as styles.xml defines it, or None when it defines none."""
    if style_id is None:
        return None
    for style in document.styles:
        if style.style_id == style_id and style.type == style_type:
            return style.name
    return None


def paragraph_style_name(p, document):
    """python-docx's resolution: the style's name, or the default paragraph style's ("Normal") when
    the paragraph names none or one styles.xml lacks, as Word does."""
    style = Paragraph(p, document._body).style
    return style.name if style is not None else None


def is_empty_paragraph(p, text):
    if text.strip():
        return False
    if p.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None:
        return False  # a section break, which Word shows as such, not as an empty line
    for tag in ("w:drawing", "w:pict", "w:object", "w:fldChar", "w:fldSimple", "w:instrText"):
        if next(p.iter(qn(tag)), None) is not None:
            return False
    for br in p.iter(qn("w:br")):
        if br.get(qn("w:type")) == "page":
            return False
    return True


def main(path):
    document = docx.Document(path)
    body = document.element.body

    paragraphs = []
    tables = []
    empty = 0
    page_breaks = 0
    for block in body_blocks(body):
        if block.tag == W_P:
            text = paragraph_text(block)
            ppr = block.find(qn("w:pPr"))
            pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
            paragraphs.append(
                {
                    "style": paragraph_style_name(block, document),
                    "styleId": pstyle.get(W_VAL) if pstyle is not None else None,
                    "text": text,
                }
            )
            if is_empty_paragraph(block, text):
                empty += 1
            if ppr is not None and is_on(ppr.find(qn("w:pageBreakBefore"))):
                page_breaks += 1
        else:
            tbl_style = block.find(qn("w:tblPr") + "/" + qn("w:tblStyle"))
            style_id = tbl_style.get(W_VAL) if tbl_style is not None else None
            rows = []
            header = []
            for tr in block.iterchildren(W_TR):
                rows.append(
                    [
                        "\n".join(paragraph_text(p) for p in tc.iter(W_P))
                        for tc in tr.iterchildren(W_TC)
                    ]
                )
                header.append(is_on(tr.find(qn("w:trPr") + "/" + qn("w:tblHeader"))))
            tables.append(
                {
                    "style": style_name(document, style_id, WD_STYLE_TYPE.TABLE),
                    "styleId": style_id,
                    "rows": rows,
                    "headerRepeated": header,
                }
            )
    for br in body.iter(qn("w:br")):
        if br.get(qn("w:type")) == "page":
            page_breaks += 1

    # Footers in section order (each w:sectPr's footerReferences), each part once.
    part = document.part
    footer_parts = []
    for sect_pr in body.iter(qn("w:sectPr")):
        for ref in sect_pr.iterchildren(qn("w:footerReference")):
            footer = part.related_parts[ref.get(qn("r:id"))]
            if footer not in footer_parts:
                footer_parts.append(footer)
    for rel in part.rels.values():  # any footer part no section points at
        if rel.reltype == RT.FOOTER and not rel.is_external and rel.target_part not in footer_parts:
            footer_parts.append(rel.target_part)
    footer_texts = []
    footer_fields = []
    for footer in footer_parts:
        root = footer.element
        footer_texts.append("\n".join(paragraph_text(p) for p in root.iter(W_P)))
        footer_fields.extend(field_instructions(root))

    hyperlinks = []
    for link in body.iter(qn("w:hyperlink")):
        rel_id = link.get(qn("r:id"))
        if rel_id is not None:
            rel = part.rels.get(rel_id)
            url = rel.target_ref if rel is not None else None
        else:
            url = "#" + link.get(qn("w:anchor"), "")
        text = "".join(run_text(r) for r in link.iter(W_R))
        hyperlinks.append({"text": text, "url": url})

    languages = set()
    for root in (document.styles.element, document.element):
        for lang in root.iter(qn("w:lang")):
            value = lang.get(W_VAL)
            if value:
                languages.add(value)

    core = document.core_properties
    result = {
        "paragraphs": paragraphs,
        "tables": tables,
        "core": {"title": core.title, "author": core.author, "subject": core.subject},
        "footerTexts": footer_texts,
        "footerFields": footer_fields,
        "bodyFields": field_instructions(body),
        "languages": sorted(languages),
        "emptyParagraphs": empty,
        "hyperlinks": hyperlinks,
        "pageBreaks": page_breaks,
    }
    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: docx_structure.py FILE.docx\n")
        sys.exit(2)
    main(sys.argv[1])
