"""The compiled part of isnad; everything else is in pyproject.toml."""
from setuptools import Extension, setup

# The named-entity tagger's decoder, in C for speed (isnad/entities/crf.py). Optional: where it cannot be
# compiled, the tagger uses python-crfsuite instead, with the same tags, more slowly.
setup(ext_modules=[Extension("isnad.entities._crf", ["isnad/entities/_crf.c"], optional=True)])
