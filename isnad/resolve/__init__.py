"""Resolution of mentions: places (``places.lookup_place``), actors with dated codes (``actors.lookup_name``),
the outlet registry (``outlets``) and the ``resolve`` pipeline stage (``stage.Resolve``)."""
