"""PLACEHOLDER: replaced by the real stage."""
from isnad.document import Document


class Attributions:
    name = "attribution"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("attributions",)

    def __call__(self, doc: Document) -> Document:
        return doc
