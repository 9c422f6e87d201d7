"""A cluster's counts and its Admiralty information grade, from its independent origins and their agreement.

An origin is the agency a report's copy family credits, else the family itself, else the article: copies
of one report count once, and so do two families resting on the same agency. The grade (1 confirmed by
independent sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged):

- reports that deny the act (modality ``negated``) against reports that assert it: 5 when the denying
  origins are as many as the asserting ones, else 4;
- otherwise three or more independent origins: 1; two: 2; one: the best grade of its own reports, never
  better than 3.

Reports that state different tolls (8 killed in one origin, 12 in another) are said to disagree on it, in
the reasons and in ``tolls``; the grade stays that of the act, which they agree on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Member:
    """One report of a cluster's event: the event, the article that carried it, and its family."""

    doc: str
    seq: int
    article: str
    outlet: str | None
    published: str | None
    family: str | None
    origin_credit: str | None  # the agency the family credits
    modality: str | None
    grade: int | None  # the event's own information grade
    killed: int | None = None  # the toll the report states

    @property
    def origin(self) -> str:
        """The independent origin of the report: the agency its family credits, else the family, else the article."""
        if self.origin_credit:
            return f"agency:{self.origin_credit}"
        if self.family:
            return f"family:{self.family}"
        return f"article:{self.article}"


def summary(members: list[Member]) -> dict[str, Any]:
    """Counts, first and last report, agreement, grade and its reasons."""
    asserting = {m.origin for m in members if m.modality != "negated"}
    denying = {m.origin for m in members if m.modality == "negated"}
    reasons: list[str] = []
    dates = sorted(m.published for m in members if m.published)
    if asserting and denying:
        grade = 5 if len(denying) >= len(asserting) else 4
        reasons.append(f"{len(denying)} origin(s) deny what {len(asserting)} assert")
    elif len(asserting) >= 3:
        grade = 1
        reasons.append(f"{len(asserting)} independent origins agree")
    elif len(asserting) == 2:
        grade = 2
        reasons.append("2 independent origins agree")
    else:
        own = [m.grade for m in members if m.grade]
        grade = max(3, min(own)) if own else 6
        reasons.append("1 origin: " + ("its reports' own grade, 3 at best" if own else "cannot be judged"))
    copies = len({m.article for m in members}) - len(asserting | denying)
    if copies > 0:
        reasons.append(f"{copies} report(s) are copies of another or rest on the same agency")
    tolls = _tolls(members)
    if len(tolls) > 1:
        reasons.append("the reports disagree on the toll: "
                       + ", ".join(f"{n} killed ({k} origin{'s' if k > 1 else ''})" for n, k in tolls.items()))
    return {
        "mentions": len(members),
        "articles": len({m.article for m in members}),
        "outlets": len({m.outlet for m in members if m.outlet}),
        "origins": len(asserting | denying),
        "agree": not (asserting and denying),
        "tolls": {str(n): k for n, k in tolls.items()},  # killed → independent origins stating it
        "grade": grade,
        "reasons": reasons,
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
    }


def _tolls(members: list[Member]) -> dict[int, int]:
    """The tolls the asserting reports state, each with the number of independent origins that state it,
    the most stated first."""
    origins: dict[int, set[str]] = {}
    for m in members:
        if m.killed is not None and m.modality != "negated":
            origins.setdefault(m.killed, set()).add(m.origin)
    return dict(sorted(((n, len(o)) for n, o in origins.items()), key=lambda t: (-t[1], t[0])))
