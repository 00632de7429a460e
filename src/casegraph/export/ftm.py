"""FtM JSON lines (one entity per line), the format Aleph and ``ftm validate`` read."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from followthemoney.proxy import EntityProxy

from casegraph.services.entities import complete


def ftm_lines(entities: Iterable[EntityProxy]) -> Iterator[str]:
    """Entities that lack a required property (e.g. a relation whose one side a reviewer
    rejected) are left out: Aleph would refuse them."""
    for entity in entities:
        if complete(entity):
            yield json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True)
