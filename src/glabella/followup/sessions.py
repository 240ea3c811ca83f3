"""What follow-up needs from a signed treatment session: its lines and its review date."""

from __future__ import annotations

from datetime import date

from glabella.followup.aftercare import Sheet, TreatedLine, build_sheet
from glabella.treatments.models import Session


def treated_lines(session: Session) -> list[TreatedLine]:
    return [
        TreatedLine(
            product=line.product,
            indication=line.indication,
            sites=tuple(dict.fromkeys(point.site for point in line.points.all())),
        )
        for line in session.lines.all()
    ]


def review_date(session: Session) -> date | None:
    """The earliest review date of the session's lines in the assessment frozen at signing."""
    assessment = session.assessment if isinstance(session.assessment, dict) else {}
    dates = [
        date.fromisoformat(line["review"])
        for line in assessment.get("lines") or []
        if isinstance(line, dict) and isinstance(line.get("review"), str)
    ]
    return min(dates, default=None)


def sheet_for(session: Session) -> Sheet:
    return build_sheet(treated_lines(session), review_date(session))
