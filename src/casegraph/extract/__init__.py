"""Extraction: document text → proposed facts (parties, dates, money, relations, designations,
events, quotes, claims), each tied to the character span it came from.

Components are small callables ``(ctx: DocContext) -> None`` run in order by
:mod:`casegraph.extract.pipeline`; each reads what earlier components left on the context and adds
its own findings.
"""
