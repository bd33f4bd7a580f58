"""quoteattr: who said what, through which cue, and through whom, in news text.

>>> doc = analyze('"We won," she said.')
>>> doc.quotes[0].content.text
'We won'
"""

from quoteattr.errors import (
    ArgumentError,
    InputTypeError,
    MalformedDocumentError,
    QuoteAttrError,
)
from quoteattr.model import Document, Entity, EntityKind, Quote, QuoteKind, Span, to_json
from quoteattr._pipeline import analyze
from quoteattr._batch import BatchError, analyze_many
from quoteattr._html import render_html
from quoteattr._schema import json_schema

__version__ = "0.1.0.dev0"

__all__ = [
    "analyze",
    "analyze_many",
    "ArgumentError",
    "BatchError",
    "Document",
    "Entity",
    "EntityKind",
    "InputTypeError",
    "json_schema",
    "MalformedDocumentError",
    "Quote",
    "QuoteAttrError",
    "QuoteKind",
    "render_html",
    "Span",
    "to_json",
]
