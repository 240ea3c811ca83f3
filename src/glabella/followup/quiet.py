"""Quiet hours: no message goes out between a clinic's ``quiet_start`` and ``quiet_end``.

The window is local wall-clock time in the clinic's timezone and may wrap past midnight
(21:00-08:00). A message due inside the window is deferred to the window's end.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from glabella.followup.models import FollowupSettings


def quiet_until(
    now: datetime, settings: FollowupSettings | None, clinic_tz: str
) -> datetime | None:
    """The end of the quiet window ``now`` falls in, or None when sending is allowed."""
    if settings is None or settings.quiet_start is None or settings.quiet_end is None:
        return None
    start, end = settings.quiet_start, settings.quiet_end
    if start == end:
        return None
    zone = ZoneInfo(settings.timezone or clinic_tz or "UTC")
    local = now.astimezone(zone)
    if not inside(local.time(), start, end):
        return None
    day = local.date() if local.time() < end else local.date() + timedelta(days=1)
    return datetime.combine(day, end, tzinfo=zone)


def inside(moment: time, start: time, end: time) -> bool:
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end  # the window wraps past midnight
