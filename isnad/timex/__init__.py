"""Arabic time expressions, each resolved to an interval of dates: the lexicon (``lexicon``), the rules
over tokens (``parse``, ``dates``, ``tokens``), the references they build (``refs``) and the ``timex``
stage (``stage``)."""
