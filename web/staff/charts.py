"""Server-side SVG bar charts: the geometry, so the template only draws it."""

from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 220
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
    value_x: float


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart, with a dashed marker line (like 100%) if there is one."""

    bars: list[Bar]
    width: int
    height: int
    bar_x: int
    marker_x: float | None


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(rows: list[tuple[str, float, str]], marker: float | None = None) -> Chart:
    """Bars for (label, value, value as text), scaled to the largest value or the marker."""
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    top = max([value for _, value, _ in rows] + [marker or 0, 1e-9])
    marker_x = LABEL_WIDTH + marker / top * room if marker else None
    bars = []
    for i, (label, value, text) in enumerate(rows):
        width = max(value, 0) / top * room
        # The value sits after the bar, or after the marker line if the bar stops short of it.
        value_x = max(LABEL_WIDTH + width, marker_x or 0) + 6
        bars.append(Bar(_short(label), text, i * ROW_HEIGHT + 8, width, value_x))
    return Chart(bars, WIDTH, len(rows) * ROW_HEIGHT + 16, LABEL_WIDTH, marker_x)
