"""PLACEHOLDER: replaced by the real stage."""
from isnad.document import Document


class TaggerRecogniser:
    name = "tagger"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("mentions",)

    def __call__(self, doc: Document) -> Document:
        return doc
