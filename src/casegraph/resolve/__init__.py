"""Identity: the resolver (judgements → clusters), FtM import, and (matching) scoring and blocking."""
