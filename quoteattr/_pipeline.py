"""Runs the stages in order: text -> quotes -> cues -> mentions -> attribution -> entities."""

from __future__ import annotations

from quoteattr.model import Document


def analyze(text: str) -> Document:
    """Find every quote in ``text`` with its cue, source and speaker."""
    return Document(text, (), ())
