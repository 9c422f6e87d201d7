"""The ``credibility`` stage: an Admiralty-style grade on every event, with its inputs and reasons.

Two independent axes: *source reliability* (A–F) comes from who says it (the outlet registry, the source
type; F when it cannot be judged), *information credibility* (1–6) from how it is said and by how many
independent origins (one origin gives 3 at best; hedges, allegations and bare anonymous sources lower
it; a denial makes it improbable). Corroboration across articles is counted elsewhere; the number of
independent origins is kept as an input (1 for a single article). The rules live in
``isnad/data/credibility.json``.
"""
from __future__ import annotations

from typing import Any

from isnad.document import Attribution, Document, Event, Grade
from isnad.gazetteer.outlets import Outlet
from isnad.resolve.actors import unknown_outlet_name
from isnad.resources import Resources


class Credibility:
    name = "credibility"
    requires: tuple[str, ...] = ("events", "attributions")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, resources: Resources | None = None) -> None:
        resources = resources or Resources()
        self.rules = resources.credibility
        self.outlets = resources.outlets

    def __call__(self, doc: Document) -> Document:
        by_id = {a.id: a for a in doc.attributions}
        for event in doc.events:
            event.credibility = self.grade(doc, event, by_id)
        return doc

    def grade(self, doc: Document, event: Event, by_id: dict[str, Attribution]) -> Grade:
        """The grade of one event from the attributions the events stage linked to it."""
        atts = [by_id[i] for i in event.attributions if i in by_id]
        origins = 1
        reasons: list[str] = []
        inputs: dict[str, Any] = {"attributions": [a.id for a in atts], "independent_origins": origins}
        if not atts:
            outlet = self._outlet_of_document(doc)
            reliability = self._outlet_reliability(outlet, reasons) if outlet else self.rules["reliability"]["own_voice_unknown"]
            if outlet is None:
                reasons.append("the article's own voice; the outlet is not known")
            else:
                reasons.insert(0, f"the article's own voice ({outlet.names_en[0] if outlet.names_en else outlet.id})")
            inputs.update(source_type="own_voice", outlet=outlet.id if outlet else None)
            return self._result(reliability, self._credibility(origins, None, [], reasons), reasons, inputs)
        att = max(atts, key=lambda a: a.cue.start)  # the nearest source: the last cue before the claim
        origin = by_id.get(att.refers_to, att) if att.refers_to else att
        outlet_id = att.outlet or origin.outlet
        outlet = self.outlets.get(outlet_id) if outlet_id else None
        inputs.update(source_type=att.source_type, outlet=outlet_id, certainty=att.certainty,
                      hedges=[h.text for h in att.hedges], chain=_chain(att, by_id))
        if att.refers_to:
            reasons.append(f"the source refers back to {origin.source.text if origin.source else origin.id}")
        if outlet_id:
            reliability = self._outlet_reliability(outlet, reasons) if outlet else self.rules["reliability"]["unknown_outlet"]
            if outlet is None:
                reasons.append(f"outlet {unknown_outlet_name(outlet_id) or outlet_id} is not in the registry")
        else:
            reliability = self.rules["reliability"]["source_type"].get(att.source_type, "F")
            reasons.append(f"source type {att.source_type}" + (": cannot be judged" if reliability == "F" else ""))
        if origin.description:
            reasons.append(f"the text describes the source: {origin.description}")
        return self._result(reliability, self._credibility(origins, att, atts, reasons), reasons, inputs)

    def _credibility(self, origins: int, att: Attribution | None, atts: list[Attribution], reasons: list[str]) -> int:
        rules = self.rules["credibility"]
        table = rules["by_independent_origins"]
        value = table.get(str(origins), min(table.values()))
        reasons.append(f"{origins} independent origin" + ("s" if origins != 1 else "") + f": {value} at best")
        if att is None:
            return value
        if att.certainty == "denied":
            reasons.append("the source denies it")
            return rules["denied"]
        lower = rules["lower"]
        if att.hedges or att.certainty == "hedged":
            value += lower["hedged"]
            reasons.append("hedged: " + "، ".join(h.text for h in att.hedges))
        if att.certainty == "alleged":
            value += lower["alleged"]
            reasons.append("presented as an allegation")
        if att.source_type == "anonymous":
            value += lower["anonymous"]
            reasons.append("a bare anonymous source")
        return min(value, rules["worst"])

    def _outlet_reliability(self, outlet: Outlet, reasons: list[str]) -> str:
        if outlet.reliability_prior:
            reasons.append(f"{outlet.id}: registry grade {outlet.reliability_prior}")
            return outlet.reliability_prior
        grade = self.rules["reliability"]["outlet_ownership"].get(outlet.ownership or "", "F")
        reasons.append(f"{outlet.id}: {outlet.ownership or 'unknown'}-owned {outlet.type}" +
                       (f" ({outlet.affiliation})" if outlet.affiliation else ""))
        return grade

    def _outlet_of_document(self, doc: Document) -> Outlet | None:
        if not doc.outlet:
            return None
        return self.outlets.get(doc.outlet) or self.outlets.find(doc.outlet)

    @staticmethod
    def _result(reliability: str, credibility: int, reasons: list[str], inputs: dict[str, Any]) -> Grade:
        return Grade(reliability, credibility, reasons, inputs)


def _chain(att: Attribution, by_id: dict[str, Attribution]) -> list[str]:
    """The attribution and those it rests on, innermost first."""
    out = [att.id]
    seen = {att.id}
    cur = att
    while cur.parent and cur.parent in by_id and cur.parent not in seen:
        cur = by_id[cur.parent]
        out.append(cur.id)
        seen.add(cur.id)
    return out
