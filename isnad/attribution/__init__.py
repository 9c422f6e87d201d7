"""Attributions: who says so. Cues, sources, content, hedges and chains (see :mod:`isnad.attribution.stage`)."""
from isnad.attribution.stage import Attributions

__all__ = ["Attributions"]
