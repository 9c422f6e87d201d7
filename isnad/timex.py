"""PLACEHOLDER: replaced by the real stage."""
from isnad.document import Document


class TimeExpressions:
    name = "timex"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("times",)

    def __call__(self, doc: Document) -> Document:
        return doc
