"""Attributions: who says so. Cues, sources, content, hedges and chains (the stage is :mod:`isnad.attribution.stage`)."""
