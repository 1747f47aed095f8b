"""Server-side SVG bar charts: the geometry, so the template only draws it."""

from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 220
BAR_HEIGHT = 24
ROW_HEIGHT = 40
VALUE_ROOM = 90
LABEL_CHARS = 28


@dataclass(frozen=True)
class Bar:
    """One bar: its label (shortened to fit; the table has it in full), value text and box."""

    label: str
    value_text: str
    y: int
    width: float


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart, with the marker line (like 100%) if there is one."""

    bars: list[Bar]
    width: int
    height: int
    bar_x: int
    marker_x: float | None
    marker_text: str | None


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(rows: list[tuple[str, float, str]], marker: tuple[float, str] | None = None) -> Chart:
    """Bars for (label, value, value as text), scaled to the largest value or the marker."""
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    top = max([value for _, value, _ in rows] + [marker[0] if marker else 0, 1e-9])
    bars = [
        Bar(_short(label), text, i * ROW_HEIGHT + 8, max(value, 0) / top * room)
        for i, (label, value, text) in enumerate(rows)
    ]
    return Chart(
        bars,
        WIDTH,
        len(rows) * ROW_HEIGHT + 16,
        LABEL_WIDTH,
        LABEL_WIDTH + marker[0] / top * room if marker else None,
        marker[1] if marker else None,
    )
