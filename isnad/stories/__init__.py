"""The cross-article layer: copy families of one report, clusters of one real-world event across articles,
and the corroboration that grades them (see docs/architecture.md, "Stories")."""
