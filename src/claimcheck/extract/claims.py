"""Turn a document's claimable quantities into claims (placeholder until the claim extractor lands)."""

from __future__ import annotations

from typing import NamedTuple

from ..model import Claim, Document, Quantity

__all__ = ["Extraction", "extract_document"]


class Extraction(NamedTuple):
    """What extraction learned about one document."""

    document: Document  # with its date filled in when one was found
    quantities: list[Quantity]
    claims: list[Claim]


def extract_document(doc: Document) -> Extraction:
    """Quantities and claims of one document; pure, so it can run in a worker process."""
    return Extraction(doc, [], [])
