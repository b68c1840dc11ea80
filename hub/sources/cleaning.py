"""Text from the funding portal made readable: HTML to text, mojibake repaired.

The portal's texts come as HTML (CSV export), as plain text whose paragraphs were glued
together (JSON export), or as text where lost characters became `?` (those cannot be
recovered and stay). Mojibake (UTF-8 read as Windows-1252, e.g. `â€™` for `’`) is undone
run by run, so properly encoded characters around it are left alone.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Windows-1252 as browsers decode it: the five undefined bytes map to C1 controls.
_CP1252_BYTES: dict[str, int] = {}
for _byte in range(0x80, 0x100):
    try:
        _CP1252_BYTES[bytes([_byte]).decode("cp1252")] = _byte
    except UnicodeDecodeError:
        _CP1252_BYTES[chr(_byte)] = _byte
_MOJIBAKE_RUN = re.compile("[" + re.escape("".join(sorted(_CP1252_BYTES))) + "]{2,}")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 decoded as Windows-1252: `beneficiariesâ€™` -> `beneficiaries’`.

    Each run of characters that Windows-1252 maps to bytes 0x80-0xFF is re-encoded; where
    those bytes are valid UTF-8 the run is replaced. A run that is not (real accented text
    such as `Å`) stays as it is.
    """
    if not text.isascii():
        return _MOJIBAKE_RUN.sub(_repair_run, text)
    return text


def _repair_run(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        return bytes(_CP1252_BYTES[char] for char in run).decode("utf-8")
    except UnicodeDecodeError:
        pass
    out: list[str] = []
    index = 0
    while index < len(run):  # repair what can be repaired: the longest sequence first
        for size in (4, 3, 2):
            piece = run[index : index + size]
            if len(piece) == size:
                try:
                    out.append(bytes(_CP1252_BYTES[char] for char in piece).decode("utf-8"))
                except UnicodeDecodeError:
                    continue
                index += size
                break
        else:
            out.append(run[index])
            index += 1
    return "".join(out)


_HTML_TAG = re.compile(
    r"<(?:p|div|span|ul|ol|li|br|table|tr|td|strong|em|b|i|a|h[1-6])\b[^>]*>", re.I
)
_BLOCKS = {"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
_LINES = {"tr", "thead", "tbody", "section", "pre"}
_HEADINGS = {"ExpectedOutcome": "Expected Outcome", "ExpectedImpact": "Expected Impact"}


def looks_like_html(text: str) -> bool:
    return _HTML_TAG.search(text) is not None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in _LINES or tag == "br":
            self.parts.append("\n")
            self.cells = 0
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("td", "th"):
            self.parts.append(" | " if self.cells else "\n")
            self.cells += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in _LINES:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(_HEADINGS.get(data.strip(), data))


def html_to_text(markup: str) -> str:
    """Readable text: paragraphs apart, list items as `- ` lines, table cells `a | b`."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return tidy("".join(collector.parts))


_INLINE_SPACE = re.compile(r"[^\S\n]+")
_MANY_BREAKS = re.compile(r"\n{3,}")
_LOST_BULLET = re.compile(r"^\?\s+", re.M)


def tidy(text: str) -> str:
    """Spaces collapsed within lines, at most one blank line between paragraphs.

    A line starting with a lone `?` lost its bullet upstream: it becomes `- `.
    """
    lines = (_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    joined = "\n".join(lines)
    joined = _LOST_BULLET.sub("- ", joined)
    return _MANY_BREAKS.sub("\n\n", joined).strip()


_GLUED_HEADING = re.compile(
    r"(?<=\S)\s*(Expected Outcomes?|Expected Impacts?|Objectives?|Scope|Specific objectives)"
    r":\s*"
)
_GLUED_SENTENCE = re.compile(r"(?<=[a-z0-9)])\.(?=[A-Z][a-z])")
_LEADING_HEADING = re.compile(
    r"^(Expected Outcomes?|Expected Impacts?|Objectives?|Scope|Specific objectives):\s*"
)


def unglue(text: str) -> str:
    """Paragraphs back into text whose breaks were dropped: `...research.Scope:Size` ->
    `...research.\\n\\nScope: Size`, and `consortium.They` -> `consortium. They`."""
    text = _LEADING_HEADING.sub(r"\1: ", text)
    text = _GLUED_HEADING.sub(r"\n\n\1: ", text)
    return _GLUED_SENTENCE.sub(". ", text)


def portal_text(value: str) -> str:
    """Any portal text field as readable text."""
    value = repair_mojibake(value)
    if looks_like_html(value):
        return html_to_text(value)
    if "\n" not in value:
        value = unglue(value)
    return tidy(value)


def richness(text: str | None) -> int:
    """How much real text there is: letters and digits (markup and `?` do not count)."""
    return sum(char.isalnum() for char in text) if text else 0


def bounded(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a paragraph (or word) boundary, with `…`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 2]
    boundary = cut.rfind("\n\n")
    if boundary < limit // 2:
        boundary = cut.rfind(" ")
    return cut[: boundary if boundary > 0 else len(cut)].rstrip() + " …"
