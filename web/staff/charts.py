"""Server-side SVG bar charts: the geometry, so the template only draws it."""

from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 220
ROW_HEIGHT = 40  # a bar with a label of one line
LINE_HEIGHT = 17  # each further line of a label
VALUE_ROOM = 90
LABEL_CHARS = 28  # a label wraps onto a new line after this many characters


@dataclass(frozen=True)
class Bar:
    """One bar: its label in lines that fit beside it, value text and box."""

    lines: list[str]
    value_text: str
    y: int
    width: float
    value_x: float

    @property
    def label_y(self) -> int:
        """Where the label's first line sits: centred on the bar, whatever its lines."""
        return self.y + 17 - (len(self.lines) - 1) * LINE_HEIGHT // 2


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart, with a dashed marker line (like 100%) if there is one."""

    bars: list[Bar]
    width: int
    height: int
    bar_x: int
    marker_x: float | None


def _lines(label: str) -> list[str]:
    """The label wrapped at spaces into lines of up to LABEL_CHARS (a longer word alone)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= LABEL_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def bar_chart(rows: list[tuple[str, float, str]], marker: float | None = None) -> Chart:
    """Bars for (label, value, value as text), scaled to the largest value or the marker."""
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    top = max([value for _, value, _ in rows] + [marker or 0, 1e-9])
    marker_x = LABEL_WIDTH + marker / top * room if marker else None
    bars, y = [], 8
    for label, value, text in rows:
        lines = _lines(label)
        extra = (len(lines) - 1) * LINE_HEIGHT  # room for a label's further lines
        width = max(value, 0) / top * room
        # The value sits after the bar, or after the marker line if the bar stops short of it.
        value_x = max(LABEL_WIDTH + width, marker_x or 0) + 6
        bars.append(Bar(lines, text, y + extra // 2, width, value_x))
        y += ROW_HEIGHT + extra
    return Chart(bars, WIDTH, y + 8, LABEL_WIDTH, marker_x)
