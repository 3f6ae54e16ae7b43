"""A world map shaded by checklist score, drawn on the server as SVG.

No tile, font or script is fetched from anywhere: the outlines are shipped in `data/world.json`,
built once from Natural Earth's 1:110m countries (public domain) as packaged in world-atlas 2.0.2
(ISC licence), with `build_paths()` below. Countries are matched on their ISO 3166-1 numeric code.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "world.json"

# Equirectangular, two units a degree, latitudes 84°N to 58°S (no Antarctica).
SCALE = 2
NORTH, SOUTH = 84, -58
WIDTH, HEIGHT = 360 * SCALE, (NORTH - SOUTH) * SCALE
ANTARCTICA = "010"

# Score bands and their fills: a sequential blue scale whose darker steps carry white-readable
# contrast; countries with no data are hatched grey so that "no data" never reads as "zero".
BANDS = [(75, "band-4"), (50, "band-3"), (25, "band-2"), (0, "band-1")]
# Fills as attributes, not a style sheet: the image answers under the site's strict CSP.
FILLS = {
    "band-4": "#08306b",
    "band-3": "#2171b5",
    "band-2": "#6baed6",
    "band-1": "#c6dbef",
    "no-data": "#9aa1ab",
    "background": "#e4e7eb",
}


def _project(lon: float, lat: float) -> tuple[float, float]:
    lat = max(SOUTH, min(NORTH, lat))
    return round((lon + 180) * SCALE, 1), round((NORTH - lat) * SCALE, 1)


def build_paths(topology: dict) -> dict[str, str]:
    """SVG path data per ISO numeric code, from a TopoJSON topology (world-atlas format)."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(_project(x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)

    def ring(indexes):
        points = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc[1:] if points else arc)
        xs = [x for x, _y in points]
        if max(xs) - min(xs) > WIDTH * 0.75:
            # A ring across the 180th meridian (Russia, Fiji): draw its western points past the
            # eastern edge, where the frame cuts them, rather than as a stripe across the map.
            points = [(x + WIDTH if x < WIDTH / 2 else x, y) for x, y in points]
        return "M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z"

    paths = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = geometry.get("id")
        if not code or code == ANTARCTICA or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        paths[code] = "".join(ring(r) for polygon in polygons for r in polygon)
    return paths


@cache
def outlines() -> dict[str, str]:
    with open(DATA_FILE, encoding="utf-8") as handle:
        return json.load(handle)


@dataclass(frozen=True)
class Shape:
    iso2: str
    name: str
    path: str
    score: int | None
    band: str

    @property
    def fill(self) -> str:
        return FILLS[self.band]


def band_of(score: int | None) -> str:
    if score is None:
        return "no-data"
    return next(name for floor, name in BANDS if score >= floor)


def shaded_map(rows) -> dict:
    """Shapes for the countries in `rows` ((country, score) pairs); the rest drawn plain."""
    by_numeric = {country.numeric: (country, score) for country, score in rows}
    shapes, background = [], []
    for numeric, path in outlines().items():
        if numeric in by_numeric:
            country, score = by_numeric[numeric]
            shapes.append(Shape(country.iso2, country.name, path, score, band_of(score)))
        else:
            background.append(path)
    return {
        "shapes": shapes,
        "background": background,
        "background_fill": FILLS["background"],
        "width": WIDTH,
        "height": HEIGHT,
    }
