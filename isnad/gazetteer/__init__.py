"""What the project knows by name: places, bodies, people, role words, nationalities and news outlets.

Below both :mod:`isnad.entities` (which finds their names in a text) and :mod:`isnad.resolve` (which
turns a found name into an actor or a place): :mod:`~isnad.gazetteer.lexicon` holds the phrase tables,
:mod:`~isnad.gazetteer.outlets` the outlet registry. Both are built by :class:`isnad.resources.Resources`.
"""
