"""CAMEO codes (label, Goldstein score, quad class) and their PLOVER type, mode and contexts.

The tables live in ``isnad/data/ontology`` (rebuilt by ``scripts/build_ontology.py``) and are read by
:class:`isnad.resources.Resources`, whose ``ontology`` is an :class:`Ontology`.
"""
from __future__ import annotations

from isnad.document import Cameo, Plover


class Ontology:
    """The CAMEO table and the CAMEO → PLOVER mapping, from their rows (``cameo.tsv``, ``cameo_plover.tsv``)."""

    def __init__(self, cameo_rows: list[list[str]], plover_rows: list[list[str]]) -> None:
        self.codes: dict[str, tuple[str, float, int]] = {
            code: (label, float(score), int(quad)) for code, label, score, quad in cameo_rows
        }
        self.plover_types: dict[str, tuple[str, str, tuple[str, ...]]] = {}
        for row in plover_rows:
            code, ptype, mode, contexts = (row + ["", "", ""])[:4]
            self.plover_types[code] = (ptype, mode, tuple(c for c in contexts.split(";") if c))

    def cameo(self, code: str) -> Cameo:
        """The CAMEO record of a code; ``KeyError`` for an unknown code."""
        label, goldstein, quad = self.codes[code]
        return Cameo(code, label, goldstein, quad)

    def plover(self, code: str, contexts: tuple[str, ...] = ()) -> Plover:
        """The PLOVER type, mode and contexts of a CAMEO code: its own line, else the nearest parent's.

        ``contexts`` adds contexts the caller knows from the text (e.g. ``asylum`` for an asylum request).
        Statements (CAMEO 01) have no PLOVER type: ``type`` is None.
        """
        for n in range(len(code), 1, -1):
            hit = self.plover_types.get(code[:n])
            if hit:
                ptype, mode, ctx = hit
                return Plover(ptype, mode or None, list(ctx) + [c for c in contexts if c not in ctx])
        return Plover(None, None, list(contexts))

    def known(self, code: str) -> bool:
        """Whether the CAMEO table has the code."""
        return code in self.codes
