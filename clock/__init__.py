"""The one clock: "now" in UTC for timestamps and deadlines, and "today" as a date in the UK for
what people see (reporting periods, financial years, dates typed into forms).

Pure cores never read the clock: the web layer and the data layer read it here and pass the
moment in.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


def now() -> datetime:
    """This moment, in UTC."""
    return datetime.now(UTC)


def today() -> date:
    """Today's date in the UK (not the server's time zone, nor UTC's date near midnight)."""
    return datetime.now(UK).date()


def now_iso() -> str:
    """This moment as an ISO 8601 UTC timestamp to the second, as the database stores it."""
    return now().isoformat(timespec="seconds")
