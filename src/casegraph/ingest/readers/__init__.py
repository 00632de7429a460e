"""One module per file format; each exposes ``read(data: bytes) -> RawText`` with un-normalised text."""
