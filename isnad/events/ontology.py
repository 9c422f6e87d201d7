"""CAMEO codes (label, Goldstein score, quad class) and their PLOVER type, mode and contexts.

The tables live in ``isnad/data/ontology`` and are rebuilt by ``scripts/build_ontology.py``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any


def _rows(name: str) -> list[list[str]]:
    text = resources.files("isnad.data").joinpath(f"ontology/{name}").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, dict[str, Any]]:
    return {
        code: {"code": code, "label": label, "goldstein": float(score), "quad_class": int(quad)}
        for code, label, score, quad in _rows("cameo.tsv")
    }


@lru_cache(maxsize=1)
def plover_table() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    out = {}
    for row in _rows("cameo_plover.tsv"):
        code, ptype, mode, contexts = (row + ["", "", ""])[:4]
        out[code] = (ptype, mode, tuple(c for c in contexts.split(";") if c))
    return out


def cameo(code: str) -> dict[str, Any]:
    """``{code, label, goldstein, quad_class}`` of a CAMEO code; ``KeyError`` for an unknown code."""
    return dict(cameo_table()[code])


def plover(code: str, contexts: tuple[str, ...] = ()) -> dict[str, Any]:
    """``{type, mode, contexts}`` for a CAMEO code: its own line, else the nearest parent's.

    ``contexts`` adds contexts the caller knows from the text (e.g. ``asylum`` for an asylum request).
    Statements (CAMEO 01) have no PLOVER type: ``type`` is None.
    """
    table = plover_table()
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit:
            ptype, mode, ctx = hit
            merged = list(ctx) + [c for c in contexts if c not in ctx]
            return {"type": ptype, "mode": mode or None, "contexts": merged}
    return {"type": None, "mode": None, "contexts": list(contexts)}


def known(code: str) -> bool:
    return code in cameo_table()
