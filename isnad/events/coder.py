"""PLACEHOLDER: replaced by the real stage."""
from isnad.document import Document


class EventCoder:
    name = "events"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        return doc
