"""Stage 3: mentions of clusters, zones, firms and projects in a piece of folded text.

Input: a :class:`~.segments.Piece` (a sentence or a table cell, folded, with its absolute span).
Output: mentions with their own spans, names as written (not yet resolved to places or merged).

The rules are about the genre's wording, not one document's: a name ends in a kind's suffix
(…产业集群, …开发区, …有限公司, …项目); its head runs left to the nearest boundary (punctuation,
a verb of the genre such as 培育/依托/推进, a level such as 千亿级); a list "A、B、C等…" shares one
ending; a list before "等龙头企业" is a list of firms and one before "等…项目" a list of projects.

>>> from clusterkg.loaders.extract.segments import Piece
>>> [m.name for m in cluster_mentions(Piece(0, 0, 24, "重点推进汽车及零部件、仪器仪表、凤城汽车增压器三个产业集群"))]
['汽车及零部件产业集群', '仪器仪表产业集群', '凤城汽车增压器产业集群']
"""

from __future__ import annotations

from .clusters import (
    CODED_CLUSTERS,
    COUNTED_CLUSTERS,
    among_counted,
    appositive_cluster,
    base_carrier,
    canonical_cluster,
    cluster_mentions,
    coded_clusters,
    counted_clusters,
    counted_list_clusters,
    demonstration_bases,
    industry_clusters,
    partitioned_clusters,
    represented_clusters,
    subject_cluster,
)
from .common import Mention, _cut_head, has_trade_word, is_generic, level_of, place_begins
from .firms import brought_in_firm, firm_mentions
from .projects import labelled_projects, project_mentions
from .zones import ZONE_ENDINGS, province_lead, zone_mentions

__all__ = [
    "CODED_CLUSTERS",
    "COUNTED_CLUSTERS",
    "ZONE_ENDINGS",
    "Mention",
    "_cut_head",
    "among_counted",
    "appositive_cluster",
    "base_carrier",
    "brought_in_firm",
    "canonical_cluster",
    "cluster_mentions",
    "coded_clusters",
    "counted_clusters",
    "counted_list_clusters",
    "demonstration_bases",
    "firm_mentions",
    "has_trade_word",
    "industry_clusters",
    "is_generic",
    "labelled_projects",
    "level_of",
    "partitioned_clusters",
    "place_begins",
    "project_mentions",
    "province_lead",
    "represented_clusters",
    "subject_cluster",
    "zone_mentions",
]
