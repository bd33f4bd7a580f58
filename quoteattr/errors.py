"""The errors quoteattr raises.

Every error is a :class:`QuoteAttrError`; each subclass also inherits the
matching built-in exception, so callers may catch either.

>>> issubclass(InputTypeError, TypeError)
True
"""

from __future__ import annotations


class QuoteAttrError(Exception):
    """Base class of every error quoteattr raises on purpose."""


class InputTypeError(QuoteAttrError, TypeError):
    """The input is not a ``str``; the message says what to pass instead."""


class ArgumentError(QuoteAttrError, ValueError):
    """An option has a value quoteattr cannot use (``processes=0``); the message says which."""


class MalformedDocumentError(QuoteAttrError, ValueError):
    """A dict given to ``Document.from_dict`` lacks a field or holds a bad one.

    The message names the offending field, e.g. ``quotes[3].content.start``.
    """


class CorpusError(QuoteAttrError, ValueError):
    """An evaluation corpus folder is missing or has no articles."""
