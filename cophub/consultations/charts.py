"""Charts drawn on the server as SVG: no script, no external library, readable without colour."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from cophub.core.i18n import format_number

BAR_HEIGHT = 28
LABEL_WIDTH = 0.45  # share of the width kept for the labels


def bar_chart(cells, *, title: str, width: int = 640) -> SafeString:
    """Horizontal bars for a list of Cells; suppressed cells are drawn as a hatched stub."""
    shown = [cell.count for cell in cells if cell.count is not None]
    biggest = max(shown, default=0) or 1
    label_width = int(width * LABEL_WIDTH)
    bar_space = width - label_width - 70
    rows = []
    for index, cell in enumerate(cells):
        y = index * (BAR_HEIGHT + 8)
        length = 0 if cell.count is None else max(2, int(bar_space * cell.count / biggest))
        value = format_number(cell.count) if cell.count is not None else "<5"
        rows.append(
            (
                y + BAR_HEIGHT * 0.7,
                cell.label[:48],
                label_width,
                y,
                length,
                BAR_HEIGHT,
                label_width + length + 6,
                y + BAR_HEIGHT * 0.7,
                value,
            )
        )
    height = max(1, len(cells)) * (BAR_HEIGHT + 8)
    body = format_html_join(
        "",
        '<text x="0" y="{}" class="chart-label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" class="chart-bar"></rect>'
        '<text x="{}" y="{}" class="chart-value">{}</text>',
        rows,
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg" direction="ltr">{}</svg>',
        width,
        height,
        title,
        body,
    )
