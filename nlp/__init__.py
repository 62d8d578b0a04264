"""Vietnamese article cleaning and bloc-meeting record extraction.

Public surface: ``extract`` (text -> ArticleRecords), ``EXTRACTOR_VERSION``.
"""

from nlp.extract import EXTRACTOR_VERSION, extract

__all__ = ["EXTRACTOR_VERSION", "extract"]
