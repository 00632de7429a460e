"""Document ingest: turn a file into the normalised text that every later offset points into.

Public API: ``read_path``, ``supported``, ``iter_files`` and the ``RawText`` result.
"""

from casegraph.ingest.files import iter_files
from casegraph.ingest.rawtext import RawText
from casegraph.ingest.registry import read_bytes, read_path, supported

__all__ = ["RawText", "iter_files", "read_bytes", "read_path", "supported"]
