"""Where notices come from: folders (and URL lists), and readers for txt, html and pdf.

Sources only fetch and read; they never interpret. Each document is its raw
bytes plus a content hash; anything unusable becomes an :class:`IngestError`.
"""

from sources.folder import discover
from sources.models import IngestError, RawDocument, ReadError, content_hash
from sources.readers import SourceText, read_text

__all__ = ["discover", "read_text", "RawDocument", "IngestError", "ReadError", "SourceText", "content_hash"]
