"""Stage runs that the CLI wires together: extraction over the store."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field

from sqlite_utils import Database
from tqdm import tqdm

from nlp import EXTRACTOR_VERSION, extract
from store.db import get_document, pending_document_ids, replace_records

log = logging.getLogger(__name__)


@dataclass
class ExtractReport:
    processed: int = 0
    relevant: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"extracted {self.processed} documents ({self.relevant} relevant); {len(self.failures)} failed"


def extract_pending(db: Database, *, force: bool = False, progress: bool = True) -> ExtractReport:
    """Run nlp over documents that are new, changed, or extracted by an older version."""
    ids = pending_document_ids(db, None if force else EXTRACTOR_VERSION)
    report = ExtractReport()
    for doc_id in tqdm(ids, desc="extract", unit="doc", disable=not progress, file=sys.stderr):
        doc = get_document(db, doc_id)
        if doc is None or doc.id is None:  # deleted meanwhile
            continue
        try:
            records = extract(doc.text, url=doc.url, title=doc.title)
        except Exception as exc:  # one bad document must not stop the batch
            report.failures.append(f"{doc.url}: {type(exc).__name__}: {exc}")
            log.exception("extraction failed for %s", doc.url)
            continue
        replace_records(db, doc.id, records, EXTRACTOR_VERSION)
        report.processed += 1
        report.relevant += int(records.relevant)
    return report
