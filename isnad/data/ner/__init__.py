"""The named-entity tagger: model, lexicons and settings (see README.md)."""
