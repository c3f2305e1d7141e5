"""Place comparison (/compare, /api/compare, its CSV, workbook and chart) and a county's dashboard
(/county/{key}, /api/counties/{key} and its charts); the views are built in :mod:`.compare`."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import HTMLResponse

from .compare import (
    MAX_PLACES,
    MIN_PLACES,
    CompareView,
    CountyDashboard,
    compare_places,
    county_dashboard,
    parse_places,
)
from .compare_charts import compare_chart, county_segments_chart, county_targets_chart, render
from .compare_export import compare_csv, compare_xlsx
from .deps import DriverDep, RegistryDep, SettingsDep
from .map_embed import templates
from .pages import CSS, HOME, HTML_PAGE

router = APIRouter()

PLACES_PATTERN = f"^[0-9]{{6}}(,[0-9]{{6}}){{{MIN_PLACES - 1},{MAX_PLACES - 1}}}$"

PlacesParam = Annotated[
    str,
    Query(
        min_length=1,
        max_length=200,
        description=f"{MIN_PLACES}–{MAX_PLACES} division codes of cities or counties, comma-separated",
        examples=["410100,410300,410700"],
        # documented, checked by parse_places so the refusal names the bad code in Chinese
        json_schema_extra={"pattern": PLACES_PATTERN},
    ),
]
YearParam = Annotated[
    int, Query(ge=1990, le=2100, description="year of the actuals compared with the targets", examples=[2017])
]
CountyKey = Annotated[
    str,
    Path(
        min_length=1,
        max_length=20,
        description="a county's 6-digit division code",
        examples=["410184"],
        json_schema_extra={"pattern": "^[0-9]{6}$"},  # checked by county_dashboard, refused in Chinese
    ),
]
SVG_MEDIA = "image/svg+xml; charset=utf-8"
XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _view(driver: DriverDep, settings: SettingsDep, registry: RegistryDep, places: str, year: int) -> CompareView:
    return compare_places(driver, settings, registry, parse_places(places), year)


@router.get("/api/compare", response_model=CompareView, tags=["compare"])
def compare_api(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, places: PlacesParam, year: YearParam = 2017
) -> CompareView:
    """Places side by side: clusters by level, targets, actuals, firms and location quotient per segment."""
    return _view(driver, settings, registry, places, year)


@router.get("/api/compare.csv", tags=["compare"], responses={200: {"content": {"text/csv": {}}}})
def compare_csv_route(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, places: PlacesParam, year: YearParam = 2017
) -> Response:
    """The comparison as CSV, a line per place and segment (UTF-8 with BOM, so Excel shows the Chinese)."""
    view = _view(driver, settings, registry, places, year)
    return Response(
        "\ufeff" + compare_csv(view),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="compare.csv"'},
    )


@router.get("/api/compare.xlsx", tags=["compare"], responses={200: {"content": {XLSX_MEDIA: {}}}})
def compare_xlsx_route(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, places: PlacesParam, year: YearParam = 2017
) -> Response:
    """The comparison as a workbook: 概览, 集群, 环节企业数 and 区位商 sheets."""
    view = _view(driver, settings, registry, places, year)
    return Response(
        compare_xlsx(view),
        media_type=XLSX_MEDIA,
        headers={"Content-Disposition": 'attachment; filename="compare.xlsx"'},
    )


@router.get("/api/compare.svg", tags=["compare"], responses={200: {"content": {"image/svg+xml": {}}}})
def compare_svg(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, places: PlacesParam, year: YearParam = 2017
) -> Response:
    """Small multiples: one panel per place, the location quotient of each segment."""
    return Response(render(compare_chart(_view(driver, settings, registry, places, year))), media_type=SVG_MEDIA)


@router.get("/compare", tags=["pages"], response_class=Response, responses=HTML_PAGE)
def compare_page(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    places: Annotated[
        str,
        Query(
            max_length=200,
            description="division codes, comma-separated; empty for the form alone",
            examples=["410100,410300,410700"],
            json_schema_extra={"pattern": f"^$|{PLACES_PATTERN}"},
        ),
    ] = "",
    year: YearParam = 2017,
) -> HTMLResponse:
    """Places side by side as a table and small multiples; without places, the form to choose them."""
    view = _view(driver, settings, registry, places, year) if places.strip() else None
    query = urlencode({"places": places, "year": year})
    html = (
        templates()
        .get_template("compare.html.j2")
        .render(
            title="地区比较",
            css=CSS,
            crumbs=[HOME],
            v=view,
            places=places,
            year=year,
            min_places=MIN_PLACES,
            max_places=MAX_PLACES,
            chart=render(compare_chart(view), standalone=False) if view else "",
            links={
                "csv": f"/api/compare.csv?{query}",
                "xlsx": f"/api/compare.xlsx?{query}",
                "svg": f"/api/compare.svg?{query}",
                "json": f"/api/compare?{query}",
            },
        )
    )
    return HTMLResponse(html)


# ─────────────────────────── a county's dashboard ───────────────────────────


@router.get("/api/counties/{key}", response_model=CountyDashboard, tags=["compare"])
def county_api(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: CountyKey, year: YearParam = 2017
) -> CountyDashboard:
    """One county: clusters, zones, firms per segment with ranks in its city and province, its city's other counties."""
    return county_dashboard(driver, settings, registry, key, year)


CHARTS = {"targets": county_targets_chart, "segments": county_segments_chart}


@router.get(
    "/api/counties/{key}/charts/{chart}.svg", tags=["compare"], responses={200: {"content": {"image/svg+xml": {}}}}
)
def county_chart_svg(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: CountyKey,
    chart: Annotated[
        Literal["targets", "segments"],
        Path(description="targets: 目标与实际; segments: 环节企业数", examples=["segments"]),
    ],
    year: YearParam = 2017,
) -> Response:
    """A slide-ready chart of the county: its clusters' targets and actuals, or its firms per segment."""
    d = county_dashboard(driver, settings, registry, key, year)
    return Response(render(CHARTS[chart](d)), media_type=SVG_MEDIA)


@router.get("/county/{key}", tags=["pages"], response_class=Response, responses=HTML_PAGE)
def county_page(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: CountyKey, year: YearParam = 2017
) -> HTMLResponse:
    """A county's dashboard: clusters, zones, segments with ranks, neighbours, charts to download."""
    d = county_dashboard(driver, settings, registry, key, year)
    parent = d.county.parent
    crumbs = [HOME, *([{"href": f"/city/{parent.key}", "name": parent.name}] if parent else [])]
    compare_with = ",".join([d.county.key, *[n.key for n in d.neighbours]][:MAX_PLACES])
    html = (
        templates()
        .get_template("county.html.j2")
        .render(
            title=f"{d.county.name}产业看板",
            css=CSS,
            crumbs=crumbs,
            d=d,
            refs={s.key: s for s in d.segments},
            charts=[
                ("targets", "集群目标与实际", render(county_targets_chart(d), standalone=False)),
                ("segments", "各环节企业数", render(county_segments_chart(d), standalone=False)),
            ],
            chart_href=lambda chart: f"/api/counties/{quote(d.county.key)}/charts/{chart}.svg?year={d.year}",
            compare_href="/compare?" + urlencode({"places": compare_with}) if d.neighbours else "",
        )
    )
    return HTMLResponse(html)
