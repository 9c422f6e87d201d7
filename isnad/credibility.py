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
from isnad.gazetteer.outlets import UNKNOWN_PREFIX, Outlet
from isnad.resolve.actors import unknown_outlet_name
from isnad.resources import Resources


class Credibility:
    """The ``credibility`` stage: an Admiralty grade (:class:`~isnad.document.Grade`) on every event, from its
    attributions and the outlet that published the article."""

    name = "credibility"
    requires: tuple[str, ...] = ("events", "attributions")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, resources: Resources | None = None) -> None:
        resources = resources or Resources()
        self.rules = resources.credibility
        self.outlets = resources.outlets

    def __call__(self, doc: Document) -> Document:
        by_id = {a.id: a for a in doc.attributions}
        carrier = self.outlet_of(doc)
        for event in doc.events:
            event.credibility = self.grade(doc, event, by_id, carrier)
        return doc

    def grade(self, doc: Document, event: Event, by_id: dict[str, Attribution], carrier: Outlet | None) -> Grade:
        """The grade of one event from the attributions the events stage linked to it; ``carrier`` is the
        outlet that published the article (:meth:`outlet_of`)."""
        atts = [by_id[i] for i in event.attributions if i in by_id]
        origins = 1
        reasons: list[str] = []
        inputs: dict[str, Any] = {"attributions": [a.id for a in atts], "independent_origins": origins,
                                  "reported_by": carrier.id if carrier else None}
        if not atts:
            if carrier is None:
                reliability = self.rules["reliability"]["own_voice_unknown"]
                reasons.append("the article's own voice; the input names no outlet")
            elif carrier.id.startswith(UNKNOWN_PREFIX):
                reliability = self.rules["reliability"]["unknown_outlet"]
                reasons.append(f"the article's own voice; its outlet {doc.outlet} is not in the registry")
            else:
                reliability = self._outlet_reliability(carrier, reasons)
                reasons.insert(0, f"the article's own voice ({_name(carrier)})")
            inputs.update(source_type="own_voice", outlet=carrier.id if carrier else None)
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
        if carrier is not None and carrier.id != outlet_id:
            reasons.append(f"reported by {_name(carrier)}")
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

    def outlet_of(self, doc: Document) -> Outlet | None:
        """The outlet the input names for the article (by registry id, name or common-word name such as
        الجزيرة, which names the outlet here without a media word), an ``unknown:`` outlet for a name the
        registry lacks, None when the input names none."""
        name = (doc.outlet or "").strip()
        if not name:
            return None
        registry = self.outlets
        return (registry.get(name) or registry.find(name) or registry.named(" ".join(registry.fold(name).split()))
                or registry.unknown(name))

    @staticmethod
    def _result(reliability: str, credibility: int, reasons: list[str], inputs: dict[str, Any]) -> Grade:
        return Grade(reliability, credibility, reasons, inputs)


def _name(outlet: Outlet) -> str:
    return (outlet.names_en or outlet.names_ar or (outlet.id,))[0]


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
