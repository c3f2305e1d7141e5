"""The cluster's map for the Word briefing: a text-free PNG of the province's counties drawn with
Pillow from the same view as /map.svg (metric=cluster), with the legend as a Word table.

No Chinese font is available to rasterise labels (none ships with the system or the package),
so the picture carries shapes and zone dots only and every word goes into the document's text.
"""

from __future__ import annotations

import io

from neo4j import Driver
from PIL import Image, ImageDraw

from clusterkg.queries.registry import QueryRegistry
from clusterkg.settings import Settings

from .maps import MapView, build_map, frame

#: pixels per map unit: the SVG frame is 800 wide, the PNG 1600, sharp at the page's width
SCALE = 2.0
OUTLINE = (150, 150, 150)
ZONE = (192, 80, 77)


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def cluster_map_view(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> MapView:
    """Where the cluster is: its counties (and its city's) and the zones serving it."""
    return build_map(driver, settings, registry, level="county", metric="cluster", cluster=key)


def map_png(view: MapView) -> bytes:
    """The view's areas filled with their legend colours and its zones as dots, no text."""
    f = frame(view.province)
    size = (round(view.width * SCALE), round(view.height * SCALE))
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for area in view.areas:
        for polygon in area.polygons:
            for i, ring in enumerate(polygon):
                pts = [(x * SCALE, y * SCALE) for x, y in (f.xy(lon, lat) for lon, lat in ring)]
                if len(pts) < 3:
                    continue
                # the first ring is the outline, the others holes
                draw.polygon(pts, fill=_rgb(area.fill) if i == 0 else (255, 255, 255), outline=OUTLINE)
    r = 5 * SCALE
    for z in view.zones:
        x, y = z.x * SCALE, z.y * SCALE
        draw.ellipse((x - r, y - r, x + r, y + r), fill=ZONE, outline=(255, 255, 255), width=2)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
