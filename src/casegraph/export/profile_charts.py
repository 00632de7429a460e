"""Charts for the dossier (timeline, network, money flow) as inline SVG drawn with matplotlib.

Rendered with the Agg/SVG backend, text kept as SVG text with matplotlib's bundled DejaVu font (no
font is fetched or embedded), mathtext off (a ``$`` in a name is a dollar sign, not TeX), and no
metadata links, so the SVG loads nothing and a document string can only ever be text (matplotlib's
SVG writer escapes it as XML).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

STYLE: dict[str, Any] = {"svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 8, "text.parse_math": False,
         "svg.hashsalt": "casegraph"}
LABEL = 28  # characters of a label drawn on a chart


@contextmanager
def _figure(width: float, height: float) -> Iterator[Figure]:
    with matplotlib.rc_context(STYLE):  # type: ignore[arg-type]  # a plain dict of rc keys
        fig = plt.figure(figsize=(width, height))
        try:
            yield fig
        finally:
            plt.close(fig)


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight",
                metadata={"Creator": None, "Date": None, "Format": None, "Type": None})
    text = buf.getvalue()
    text = re.sub(r"<\?xml[^>]*\?>\s*", "", text)
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    return re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)


def _short(text: str) -> str:
    return text if len(text) <= LABEL else text[: LABEL - 1] + "…"


def _when(value: str) -> date:
    """Where a partial date is drawn: the start of the period it names (its label stays partial)."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1] or 1, parts[2] or 1)


def timeline_svg(items: list[dict[str, Any]]) -> str | None:
    dated = [i for i in items if i.get("date")]
    if not dated:
        return None
    kinds = sorted({i["kind"] for i in dated})
    with _figure(7.5, 0.6 + 0.45 * len(kinds)) as fig:
        ax = fig.add_subplot()
        for i in dated:
            ax.plot([_when(i["date"])], [kinds.index(i["kind"])], "o", color="#1f5f8b")  # type: ignore[arg-type]
        first: dict[tuple[str, str], dict[str, Any]] = {}
        for i in dated:
            first.setdefault((i["date"], i["kind"]), i)
        for (when, kind), _i in first.items():
            ax.annotate(when, (_when(when), kinds.index(kind)), textcoords="offset points", xytext=(0, 6),
                        ha="center", fontsize=6)
        ax.set_yticks(range(len(kinds)), kinds)
        ax.set_ylim(-0.6, len(kinds) - 0.4)
        ax.grid(axis="x", alpha=0.3)
        fig.autofmt_xdate()
        return _svg(fig)


def network_svg(data: dict[str, Any]) -> str | None:
    if len(data["nodes"]) < 2:
        return None
    g = nx.Graph()
    for n in data["nodes"]:
        g.add_node(n["id"], label=_short(n["name"]), hops=n["hops"])
    for e in data["edges"]:
        g.add_edge(e["source"], e["target"], schema=e["schema"])
    pos = nx.spring_layout(g, seed=7)
    with _figure(7.5, 5.5) as fig:
        ax = fig.add_subplot()
        colours = ["#c0392b" if g.nodes[n]["hops"] == 0 else "#1f5f8b" if g.nodes[n]["hops"] == 1 else "#95a5a6"
                   for n in g.nodes]
        nx.draw_networkx_edges(g, pos, ax=ax, alpha=0.4)
        nx.draw_networkx_nodes(g, pos, ax=ax, node_color=colours, node_size=60)
        nx.draw_networkx_labels(g, pos, labels={n: g.nodes[n]["label"] for n in g.nodes}, ax=ax, font_size=6)
        ax.set_axis_off()
        return _svg(fig)


def money_svg(flows: list[dict[str, Any]]) -> str | None:
    """One panel per currency: amounts in different currencies never share an axis."""
    by_currency: dict[str, list[dict[str, Any]]] = {}
    for f in flows:
        by_currency.setdefault(f["currency"], []).append(f)
    if not by_currency:
        return None
    rows = sum(len(v) for v in by_currency.values())
    with _figure(7.5, 0.8 + 0.4 * rows + 0.5 * len(by_currency)) as fig:
        axes = fig.subplots(len(by_currency), 1, squeeze=False)
        for ax, (currency, group) in zip(axes[:, 0], sorted(by_currency.items()), strict=True):
            labels = [f"{_short(f['payer_name'] or 'unnamed')} → {_short(f['beneficiary_name'] or 'unnamed')}"
                      for f in group]
            ax.barh(range(len(group)), [float(f["total"]) for f in group], color="#27ae60")
            ax.set_yticks(range(len(group)), labels)
            ax.set_xlabel(currency)
            ax.ticklabel_format(axis="x", style="plain")
        fig.tight_layout()
        return _svg(fig)
