"""Import the few ``nlp`` modules the crawler needs without requiring every extractor.

``nlp/__init__.py`` imports all extractors; while one of them is missing or broken the
crawler (which needs only cleaning, encoding and relevance) should still run. If the
package import fails, a bare package object is registered so submodules load directly.
"""

from __future__ import annotations

import importlib
import logging
import sys
import types
from pathlib import Path
from types import ModuleType

logger = logging.getLogger(__name__)
NLP_DIR = Path(__file__).resolve().parent.parent / "nlp"


def import_nlp(name: str) -> ModuleType:
    """Return module ``nlp.<name>``, bypassing a failing ``nlp/__init__.py`` if need be."""
    try:
        return importlib.import_module(f"nlp.{name}")
    except ImportError as exc:
        if "nlp" in sys.modules or not (NLP_DIR / f"{name}.py").exists():
            raise
        logger.warning("nlp package import failed (%s); loading nlp.%s directly", exc, name)
        package = types.ModuleType("nlp")
        package.__path__ = [str(NLP_DIR)]
        sys.modules["nlp"] = package
        return importlib.import_module(f"nlp.{name}")
