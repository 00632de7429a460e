"""Precision and recall of casegraph's matcher on labelled name pairs, next to nomenklatura's logic-v2.

    .venv/bin/python bench/bench_match.py                      # every pairs file in bench/names/
    .venv/bin/python bench/bench_match.py bench/names/own_pairs.jsonl --errors

Each line of a pairs file is one labelled pair: ``{"left": ENTITY, "right": ENTITY, "match": bool}``
where an entity is an FtM dict (``{"schema", "properties"}``, ``id`` optional) or a plain name
string (then ``"schema"`` on the line says which, Person by default). nomenklatura's own format
(``"judgement": "positive"|"negative"``) and ``"same"``/``"label"`` are read too, so a set written
for either tool runs unchanged. Both matchers see the same two entities. casegraph is called at its
``MATCH_THRESHOLD``; logic-v2 at 0.7, the match threshold yente (OpenSanctions' API) uses with it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from casegraph.resolve.match import MATCH_THRESHOLD, XREF_THRESHOLD, compare  # noqa: E402

LOGIC_V2_THRESHOLD = 0.7
_TRUE = {"positive", "true", "yes", "1", "match", "same"}


def _entity(value: Any, schema: str, ident: str) -> EntityProxy:
    if isinstance(value, str):
        value = {"schema": schema, "properties": {"name": [value]}}
    data = dict(value)
    data.setdefault("schema", schema)
    data["id"] = data.get("id") or ident
    return model.get_proxy(data)


def _label(row: dict[str, Any]) -> bool | None:
    for key in ("match", "same", "label", "is_match", "judgement"):
        if key in row:
            value = row[key]
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if key == "judgement" and text not in ("positive", "negative"):
                return None
            return text in _TRUE
    return None


def read_pairs(path: Path) -> list[tuple[EntityProxy, EntityProxy, bool, str]]:
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        label = _label(row)
        left = row.get("left", row.get("a"))
        right = row.get("right", row.get("b"))
        if label is None or left is None or right is None:
            continue
        schema = row.get("schema", "Person")
        a = _entity(left, schema, f"{path.stem}-{number}-l")
        b = _entity(right, row.get("schema_right", schema), f"{path.stem}-{number}-r")
        pairs.append((a, b, label, f"{path.name}:{number}"))
    return pairs


def _scores(calls: list[bool], labels: list[bool]) -> dict[str, float]:
    tp = sum(c and t for c, t in zip(calls, labels, strict=True))
    fp = sum(c and not t for c, t in zip(calls, labels, strict=True))
    fn = sum(t and not c for c, t in zip(calls, labels, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def logic_v2_scores(pairs: list[tuple[EntityProxy, EntityProxy, bool, str]]) -> tuple[list[float], float]:
    from nomenklatura.matching import LogicV2
    from nomenklatura.matching.types import ScoringConfig

    config = ScoringConfig.defaults()
    LogicV2.compare(pairs[0][0], pairs[0][1], config)  # warm up outside the timing, as for ours
    start = time.perf_counter()
    scores = [LogicV2.compare(a, b, config).score for a, b, _, _ in pairs]
    return scores, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="list the pairs casegraph gets wrong")
    parser.add_argument("--no-baseline", action="store_true", help="skip logic-v2")
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "bench" / "names").glob("*.jsonl"))
    for path in files:
        pairs = read_pairs(path)
        labels = [label for _, _, label, _ in pairs]
        if not pairs:
            print(f"{path.name}: no labelled pairs")
            continue
        compare(pairs[0][0], pairs[0][1])  # load name data (rigour's tagger takes seconds) untimed
        start = time.perf_counter()
        ours = [compare(a, b) for a, b, _, _ in pairs]
        ours_s = time.perf_counter() - start
        mine = _scores([m.score >= MATCH_THRESHOLD for m in ours], labels)
        xref = _scores([m.score >= XREF_THRESHOLD for m in ours], labels)
        print(f"{path.name}: {len(pairs)} pairs ({sum(labels)} positive)")
        print(f"  casegraph  @{MATCH_THRESHOLD:.2f}: P {mine['precision']:.3f}  R {mine['recall']:.3f}  "
              f"F1 {mine['f1']:.3f}  (fp {mine['fp']}, fn {mine['fn']}; {len(pairs) / ours_s:,.0f} pairs/s; merges)")
        print(f"  casegraph  @{XREF_THRESHOLD:.2f}: P {xref['precision']:.3f}  R {xref['recall']:.3f}  "
              f"F1 {xref['f1']:.3f}  (fp {xref['fp']}, fn {xref['fn']}; xref's default verdict)")
        if not args.no_baseline:
            theirs, theirs_s = logic_v2_scores(pairs)
            base = _scores([s >= LOGIC_V2_THRESHOLD for s in theirs], labels)
            print(f"  logic-v2   @{LOGIC_V2_THRESHOLD:.2f}: P {base['precision']:.3f}  R {base['recall']:.3f}  "
                  f"F1 {base['f1']:.3f}  (fp {base['fp']}, fn {base['fn']}; {len(pairs) / theirs_s:,.0f} pairs/s)")
        if args.errors:
            for (a, b, label, where), match in zip(pairs, ours, strict=True):
                if (match.score >= MATCH_THRESHOLD) != label:
                    kind = "FN" if label else "FP"
                    print(f"    {kind} {match.score:.3f} {where} {a.caption!r} / {b.caption!r}: "
                          + "; ".join(match.reasons))


if __name__ == "__main__":
    main()
