"""Errors the user sees as one ``Error:`` line (exit 1). The stages raise these and know nothing of click."""
from __future__ import annotations

import click


class BriefingError(click.ClickException):
    """Base class: click prints ``Error: <message>`` and exits with status 1."""

    exit_code = 1


class InputError(BriefingError):
    """A source path or file cannot be used."""


class ModelError(BriefingError):
    """The spaCy pipeline cannot be loaded."""


class RenderError(BriefingError):
    """A template or the PDF renderer failed."""


class OutputError(BriefingError):
    """An output file cannot be written."""
