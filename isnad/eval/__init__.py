"""Evaluation on gold data: the scores behind ``isnad evaluate`` and the quality gates.

Gold that cannot ship in the package (the SaudiNewsNet articles are research-only) is read from the
reference data named by ``$ISNAD_SHARED_DATA``; the hand-made gold files are found in the project's
``tests/gold`` or in the folder ``$ISNAD_GOLD`` names (:mod:`isnad.eval.paths`).
"""
