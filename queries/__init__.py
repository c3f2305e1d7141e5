"""Named read queries: every ``.cypher`` file in this folder, with a declared header.

Header lines at the top of each file (``//`` comments)::

    // name: zones_shared
    // description: Zones that serve at least $min_clusters clusters, with the clusters.
    // param: min_clusters int default=2 min=1 max=1000 example=2 | fewest clusters a zone serves
    // param: limit int default=100 min=1 max=1000 | most rows returned

The API and the CLI look queries up here by name and pass only declared, validated
parameters; the Cypher text is never built from user input.
"""

from .registry import NamedQuery, Param, QueryRegistry, load_registry

__all__ = ["NamedQuery", "Param", "QueryRegistry", "load_registry"]
