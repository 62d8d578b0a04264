"""Near-duplicate detection for articles syndicated across sites.

Each text is reduced to a sample of its word 5-shingles (diacritics folded; a shingle is
kept when its hash is 0 mod 4, so both copies sample the same shingles). Two texts are the
same article when they share most of their samples (shared / larger sample): a copy with a
different byline or an extra update line still scores > 0.9, while two reports of different
meetings, even by the same bloc with the same boilerplate, stay far below.
"""

from __future__ import annotations

import hashlib
import re

from store.vntext import fold_key

SHINGLE_WORDS = 5
SAMPLE_MOD = 4
# Mock-portal measurement: syndicated copies score >= 0.95 (one with an added update paragraph 0.9);
# distinct articles of the test corpus score <= 0.5. 0.8 leaves margin on both sides.
MIN_OVERLAP = 0.8
MIN_SAMPLE = 8  # texts shorter than this many sampled shingles are left to exact hashing
_WORD = re.compile(r"\w+")


def fingerprint(text: str) -> frozenset[int]:
    """Return the sampled shingle hashes of ``text``."""
    words = _WORD.findall(fold_key(text))
    out: set[int] = set()
    for i in range(max(0, len(words) - SHINGLE_WORDS + 1)):
        shingle = " ".join(words[i : i + SHINGLE_WORDS]).encode()
        h = int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "big")
        if h % SAMPLE_MOD == 0:
            out.add(h)
    return frozenset(out)


class NearDuplicateIndex:
    """An in-memory inverted index from sampled shingles to document ids."""

    def __init__(self) -> None:
        self._postings: dict[int, list[int]] = {}
        self._sizes: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._sizes)

    def add(self, doc_id: int, fp: frozenset[int]) -> None:
        """Index document ``doc_id`` by its fingerprint."""
        if doc_id in self._sizes or len(fp) < MIN_SAMPLE:
            return
        self._sizes[doc_id] = len(fp)
        for h in fp:
            self._postings.setdefault(h, []).append(doc_id)

    def find(self, fp: frozenset[int]) -> int | None:
        """Return the id of an indexed document ``fp`` nearly duplicates, else None."""
        if len(fp) < MIN_SAMPLE:
            return None
        shared: dict[int, int] = {}
        for h in fp:
            for doc_id in self._postings.get(h, ()):
                shared[doc_id] = shared.get(doc_id, 0) + 1
        best, best_score = None, 0.0
        for doc_id, count in shared.items():
            score = count / max(len(fp), self._sizes[doc_id])
            if score > best_score:
                best, best_score = doc_id, score
        return best if best_score >= MIN_OVERLAP else None
