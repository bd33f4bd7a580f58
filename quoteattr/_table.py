"""Plain-text tables for the command line: space-padded columns under a ruled header.

Every cell is put on one line (runs of whitespace, newlines included, become one
space), so each row of data is exactly one line of output. Widths are counted in
characters, which suits the Latin-script news text quoteattr reads.
"""

from __future__ import annotations

from typing import Iterable, Sequence

__all__ = ["render", "shorten"]

_GAP = "  "
_ELLIPSIS = "…"


def render(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Lay out ``rows`` in left-aligned columns under ``header`` and a rule.

    Trailing spaces are dropped, and there is no final newline.

    Args:
        header: The column names.
        rows: The cells of each row, as many as there are column names.

    Returns:
        The table, one line for the header, one for the rule, one per row.

    Raises:
        ValueError: if a row has more or fewer cells than the header.

    >>> print(render(("quote", "speaker"), [("We won", "Ann Lee"), ("Never", "-")]))
    quote   speaker
    ------  -------
    We won  Ann Lee
    Never   -
    """
    lines = [_flat_row(header)] + [_flat_row(row) for row in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    lines.insert(1, ["-" * width for width in widths])
    return "\n".join(_line(cells, widths) for cells in lines)


def shorten(text: str, width: int) -> str:
    """Put ``text`` on one line and cut it to at most ``width`` characters.

    A cut is marked with "…", which counts towards ``width``.

    >>> shorten("We cannot keep\\n  pretending", 11)
    'We cannot…'
    >>> shorten("We won", 12)
    'We won'
    """
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    return flat[: width - len(_ELLIPSIS)].rstrip() + _ELLIPSIS


def _flat_row(cells: Sequence[str]) -> list[str]:
    return [" ".join(cell.split()) for cell in cells]


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    if len(cells) != len(widths):
        raise ValueError(f"a row has {len(cells)} cells but the table has {len(widths)} columns")
    return _GAP.join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()
