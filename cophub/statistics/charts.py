"""Charts drawn on the server as SVG: no script, no external library, readable by screen readers.

Each chart carries a title and a description (role="img"); the page shows the same figures in a
table next to it, which is the text alternative for anyone who cannot see the drawing.
"""

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

# Okabe and Ito's palette, told apart by people with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
TEXT = "#1a1a1a"
GRID = "#8a8a8a"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as the locale writes it
    group: str = ""
    colour: int = 0


def _scale_max(values: list[float], maximum: float | None) -> float:
    top = max(values, default=0)
    if maximum is not None and top <= maximum:
        return maximum
    return top or 1


def _open(chart_id: str, width: int, height: int, title: str, description: str) -> str:
    return format_html(
        '<svg class="chart" id="{id}" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>',
        id=chart_id, w=width, h=height, title=title, desc=description,
    )  # fmt: skip


def bar_chart(
    chart_id: str, bars: list[Bar], *, title: str, description: str, maximum: float | None
) -> str:
    """Horizontal bars, one per row, labelled with the name and the value."""
    label_width, bar_width, row = 230, 330, 28
    width = label_width + bar_width + 90
    groups = list(dict.fromkeys(bar.group for bar in bars))
    height = row * len(bars) + (22 * len(groups) if groups != [""] else 0) + 12
    top = _scale_max([bar.value for bar in bars], maximum)
    parts = [_open(chart_id, width, height, title, description)]
    y = 6
    for group in groups:
        if group:
            parts.append(format_html(
                '<text x="4" y="{}" font-size="14" font-weight="bold" fill="{}">{}</text>',
                y + 15, TEXT, group))  # fmt: skip
            y += 22
        for bar in (b for b in bars if b.group == group):
            # One f-string per bar (a comparison draws about 250): the texts are escaped, the
            # numbers are formatted here and the colours are constants.
            length = max(bar.value / top * bar_width, 1) if bar.value > 0 else 0
            parts.append(
                f'<text x="{label_width - 8}" y="{y + 14}" font-size="13" fill="{TEXT}" '
                f'text-anchor="end">{escape(_truncate(bar.label, 32))}</text>'
                f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="18" '
                f'fill="{PALETTE[bar.colour % len(PALETTE)]}"></rect>'
                f'<text x="{label_width + length + 6:.1f}" y="{y + 14}" font-size="13" '
                f'fill="{TEXT}">{escape(bar.shown)}</text>'
            )
            y += row
    parts.append(format_html(
        '<line x1="{x}" y1="2" x2="{x}" y2="{y2}" stroke="{grid}"></line>',
        x=label_width, y2=height - 4, grid=GRID))  # fmt: skip
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped by format_html


def line_chart(
    chart_id: str,
    series: list[tuple[str, list[tuple[int, float]]]],
    *,
    title: str,
    description: str,
    maximum: float | None,
    format_value,
) -> str:
    """One line per country across the years, with a legend."""
    periods = sorted({period for _label, points in series for period, _value in points})
    width, height = 640, 300 + 22 * len(series)
    left, right, top_margin, plot_height = 60, 20, 12, 240
    top = _scale_max([value for _label, points in series for _p, value in points], maximum)
    span = max(len(periods) - 1, 1)

    def x_of(period):
        return left + periods.index(period) * (width - left - right) / span

    def y_of(value):
        return top_margin + plot_height - value / top * plot_height

    parts = [_open(chart_id, width, height, title, description)]
    for fraction in (0, 0.5, 1):
        y = y_of(top * fraction)
        parts.append(format_html(
            '<line x1="{l}" y1="{y}" x2="{r}" y2="{y}" stroke="{g}" stroke-dasharray="3 3"></line>'
            '<text x="{tx}" y="{ty}" font-size="12" fill="{t}" text-anchor="end">{v}</text>',
            l=left, r=width - right, y=_n(y), g=GRID, tx=left - 6, ty=_n(y + 4), t=TEXT,
            v=format_value(top * fraction)))  # fmt: skip
    for period in periods:
        parts.append(format_html(
            '<text x="{x}" y="{y}" font-size="12" fill="{t}" text-anchor="middle">{p}</text>',
            x=_n(x_of(period)), y=top_margin + plot_height + 18, t=TEXT, p=period))  # fmt: skip
    for index, (label, points) in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        coordinates = " ".join(f"{x_of(p):.1f},{y_of(v):.1f}" for p, v in points)
        parts.append(format_html(
            '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"></polyline>',
            coordinates, colour))  # fmt: skip
        for period, value in points:
            parts.append(format_html(
                '<circle cx="{}" cy="{}" r="4" fill="{}"></circle>',
                _n(x_of(period)), _n(y_of(value)), colour))  # fmt: skip
        legend_y = top_margin + plot_height + 40 + 22 * index
        parts.append(format_html(
            '<rect x="{l}" y="{y}" width="14" height="14" fill="{c}"></rect>'
            '<text x="{tx}" y="{ty}" font-size="13" fill="{t}">{label}</text>',
            l=left, y=legend_y, c=colour, tx=left + 20, ty=legend_y + 12, t=TEXT,
            label=label))  # fmt: skip
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped by format_html


def _n(number: float) -> str:
    return f"{number:.1f}"


def _truncate(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


__all__ = ["Bar", "bar_chart", "line_chart", "escape"]
