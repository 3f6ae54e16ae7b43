"""Charts drawn on the server as SVG: no script, no external library, readable by screen readers.

Each chart carries a title and a description (role="img"); the page shows the same figures in a
table next to it, which is the text alternative for anyone who cannot see the drawing.

A chart is laid out in the page's direction: in Arabic the bars grow from the right, the value
axis stands at the right, the years run from right to left and the legend's keys stand at the
right of their names. Positions are reckoned along the line of text ("inline", from the start
edge) and turned into x only when written out, so one layout serves both directions.

The reader's own fonts draw the text, so its width is not known on the server: it is estimated
generously from each character's class (wide for CJK, narrow for spaces). A name never gets cut:
when the names do not fit beside the bars they go on lines of their own above them, wrapped, and
the chart grows in height.
"""

import hashlib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi

# Okabe and Ito's palette, told apart by people with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
TEXT = "#1a1a1a"
GRID = "#8a8a8a"
WIDTH = 480  # the drawing's own units; the page scales it to the column (a phone's ~360 px)
PAD = 4
SIZE = 14
LINE = SIZE * 1.7  # one line of text, with room for Arabic and CJK fonts' tall ascenders
BAR = 18
GAP = 10
BESIDE_SHARE = 0.34  # names narrower than this share of the width stand beside their bars


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as the locale writes it
    group: str = ""
    colour: int = 0


def text_width(text: str, size: float = SIZE) -> float:
    """A generous estimate of the width `text` takes at font size `size`."""
    ems = 0.0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in {"Mn", "Cf"}:
            continue
        if unicodedata.east_asian_width(char) in {"W", "F"}:
            ems += 1.0
        elif char.isspace():
            ems += 0.3
        elif char.isupper() or char in "%@&—":
            ems += 0.78
        else:
            ems += 0.62
    return ems * size


def wrap(text: str, room: float, size: float = SIZE) -> list[str]:
    """`text` in lines no wider than `room`: broken between words, or between characters where a
    word alone is too wide (Chinese has no spaces)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size) <= room:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:
            if line and text_width(line + char, size) > room:
                lines.append(line)
                line = ""
            line += char
    if line or not lines:
        lines.append(line)
    return lines


@dataclass(frozen=True)
class _Frame:
    """The drawing's width and direction: turns inline positions into x."""

    width: float
    rtl: bool

    def x(self, inline: float) -> str:
        return _n(self.width - inline if self.rtl else inline)

    def span(self, start: float, length: float) -> tuple[str, str]:
        """x and width of a shape that covers [start, start + length] inline."""
        return self.x(start + length if self.rtl else start), _n(length)


def _open(chart_id: str, frame: _Frame, height: float, title: str, description: str) -> str:
    chart_id = escape(chart_id)
    labelled_by = f"{chart_id}-title {chart_id}-desc" if description else f"{chart_id}-title"
    described = f'<desc id="{chart_id}-desc">{escape(description)}</desc>' if description else ""
    return (
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {_n(frame.width)} {_n(height)}" '
        f'role="img" aria-labelledby="{labelled_by}" direction="{"rtl" if frame.rtl else "ltr"}" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-title">{escape(title)}</title>'
        f"{described}"
    )


def _text(frame: _Frame, inline: float, baseline: float, text: str, *, anchor="start",
          css="chart-label", size: float = SIZE, bold=False) -> str:  # fmt: skip
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text class="{css}" x="{frame.x(inline)}" y="{_n(baseline)}" font-size="{_n(size)}" '
        f'fill="{TEXT}" text-anchor="{anchor}"{weight}>{escape(text)}</text>'
    )


def _lines(frame: _Frame, inline: float, top: float, lines: list[str], **style) -> str:
    """Lines of text from `top` down, one LINE each; the baseline leaves room for descenders."""
    return "".join(
        _text(frame, inline, top + index * LINE + LINE * 0.68, line, **style)
        for index, line in enumerate(lines)
    )


def _scale_max(values: list[float], maximum: float | None) -> float:
    top = max(values, default=0)
    if maximum is not None and top <= maximum:
        return maximum
    return top or 1


def chart_id_for(title: str) -> str:
    """A stable id for a chart that has no name of its own (the same title, the same id)."""
    return "chart-" + hashlib.blake2s(title.encode(), digest_size=5).hexdigest()


def bar_chart(
    bars: list[Bar],
    *,
    title: str,
    description: str = "",
    maximum: float | None = None,
    chart_id: str = "",
) -> SafeString:
    """Horizontal bars, one per row, each with its name and its value; rows may be grouped."""
    frame = _Frame(WIDTH, bool(get_language_bidi()))
    value_room = max((text_width(bar.shown) for bar in bars), default=0) + 8
    name_room = max((text_width(bar.label) for bar in bars), default=0) + 10
    beside = name_room <= frame.width * BESIDE_SHARE
    axis = PAD + (name_room if beside else 0)
    bar_room = frame.width - axis - value_room - PAD
    top_value = _scale_max([bar.value for bar in bars], maximum)
    groups = list(dict.fromkeys(bar.group for bar in bars))
    parts, y = [], 4.0
    for group in groups:
        if group:
            heading = wrap(group, frame.width - 2 * PAD)
            parts.append(_lines(frame, PAD, y, heading, bold=True))
            y += LINE * len(heading)
        group_top = y
        for bar in (b for b in bars if b.group == group):
            if beside:
                row = max(LINE, BAR + GAP)
                parts.append(_text(frame, axis - 8, y + row / 2 + SIZE * 0.35, bar.label,
                                   anchor="end"))  # fmt: skip
                bar_top = y + (row - BAR) / 2
            else:
                names = wrap(bar.label, frame.width - 2 * PAD)
                parts.append(_lines(frame, PAD, y, names))
                bar_top = y + LINE * len(names)
                row = LINE * len(names) + BAR + GAP
            length = max(bar.value / top_value * bar_room, 1) if bar.value > 0 else 0
            x, width = frame.span(axis, length)
            parts.append(
                f'<rect class="chart-bar" x="{x}" y="{_n(bar_top)}" width="{width}" '
                f'height="{BAR}" fill="{PALETTE[bar.colour % len(PALETTE)]}"></rect>'
            )
            parts.append(_text(frame, axis + length + 6, bar_top + BAR / 2 + SIZE * 0.35,
                               bar.shown, css="chart-value"))  # fmt: skip
            y += row
        if beside:  # stacked names start where the bars do: an axis would run through them
            parts.append(
                f'<line x1="{frame.x(axis)}" y1="{_n(group_top)}" x2="{frame.x(axis)}" '
                f'y2="{_n(y)}" stroke="{GRID}"></line>'
            )
    height = y + 4
    chart_id = chart_id or chart_id_for(title)
    return mark_safe(  # noqa: S308 - every text above is escaped, every number formatted here
        _open(chart_id, frame, height, title, description) + "".join(parts) + "</svg>"
    )


def line_chart(
    series: list[tuple[str, list[tuple[int, float]]]],
    *,
    title: str,
    description: str,
    maximum: float | None,
    format_value: Callable[[float], str],
    chart_id: str = "",
) -> SafeString:
    """One line per series across the periods, with a value axis and a legend."""
    frame = _Frame(WIDTH, bool(get_language_bidi()))
    size = SIZE - 1
    periods = sorted({period for _label, points in series for period, _value in points})
    top_value = _scale_max([value for _label, points in series for _p, value in points], maximum)
    ticks = [(top_value * fraction, format_value(top_value * fraction)) for fraction in (0, 0.5, 1)]
    tick_room = max(text_width(shown, size) for _value, shown in ticks) + 8
    period_half = max((text_width(str(p), size) for p in periods), default=0) / 2 + 2
    plot_start, plot_end = PAD + tick_room + period_half, frame.width - PAD - period_half
    plot_top, plot_height = 16, 220
    span = max(len(periods) - 1, 1)

    def inline_of(period: int) -> float:
        return plot_start + periods.index(period) * (plot_end - plot_start) / span

    def y_of(value: float) -> float:
        return plot_top + plot_height - value / top_value * plot_height

    parts = []
    for value, shown in ticks:
        y = _n(y_of(value))
        parts.append(
            f'<line x1="{frame.x(plot_start - period_half)}" y1="{y}" '
            f'x2="{frame.x(frame.width - PAD)}" y2="{y}" stroke="{GRID}" '
            f'stroke-dasharray="3 3"></line>'
        )
        parts.append(_text(frame, PAD + tick_room - 8, y_of(value) + size * 0.35, shown,
                           anchor="end", size=size, css="chart-axis"))  # fmt: skip
    for period in periods:
        parts.append(_text(frame, inline_of(period), plot_top + plot_height + 20, str(period),
                           anchor="middle", size=size, css="chart-axis"))  # fmt: skip
    y = plot_top + plot_height + 34
    for index, (label, points) in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        coordinates = " ".join(f"{frame.x(inline_of(p))},{_n(y_of(v))}" for p, v in points)
        parts.append(
            f'<polyline points="{coordinates}" fill="none" stroke="{colour}" '
            f'stroke-width="2.5"></polyline>'
        )
        parts.extend(
            f'<circle cx="{frame.x(inline_of(p))}" cy="{_n(y_of(v))}" r="4" '
            f'fill="{colour}"></circle>'
            for p, v in points
        )
        names = wrap(label, frame.width - 2 * PAD - 22)
        key_x, key_width = frame.span(PAD, 14)
        parts.append(
            f'<rect class="chart-key" x="{key_x}" y="{_n(y + (LINE - 14) / 2)}" '
            f'width="{key_width}" height="14" fill="{colour}"></rect>'
        )
        parts.append(_lines(frame, PAD + 22, y, names))
        y += LINE * len(names)
    chart_id = chart_id or chart_id_for(title)
    return mark_safe(  # noqa: S308 - every text above is escaped, every number formatted here
        _open(chart_id, frame, y + 6, title, description) + "".join(parts) + "</svg>"
    )


def _n(number: float) -> str:
    return f"{number:.1f}"
