"""Search engines behind one interface: each turns IndexDocs and the neutral query tree into its own."""

from __future__ import annotations

from index.engines.base import EngineReader, EngineWriter, get_engine

ENGINES = ("whoosh", "tantivy")

__all__ = ["ENGINES", "EngineReader", "EngineWriter", "get_engine"]
