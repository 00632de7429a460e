"""Generic word lists used by the extractors (roles, public-body heads, legal forms...).

They describe how names are built in news and legal text, never which names occur in any
particular document.
"""
