"""``clusterkg load firms --bulk`` in parts, each with one job; :mod:`clusterkg.loaders.bulk_import`
runs them in order.

- :mod:`.plan_image`: the plan and the registry's firms as the Bolt loads would leave them in an
  empty database, by the writer's own merge rules (:mod:`clusterkg.graph.merge_rules`);
- :mod:`.csv_writer`: that graph as ``neo4j-admin database import`` CSV files;
- :mod:`.store_swap`: stop the local server, import into a fresh store with the old one moved
  aside, start again; the old store comes back when the import fails;
- :mod:`.fixups`: what the importer cannot write (empty lists), the derived Presence cells, the
  schema, and a count of what landed.
"""

from __future__ import annotations

from collections.abc import Callable

from clusterkg.errors import ClusterKGError

# progress(phase, n): ``n`` more rows checked ('checking') or written ('csv'), the import's
# percentage ('importing'), or 0 when a phase without rows starts ('stopping', 'starting',
# 'schema': empty lists, Presence cells, constraints and indexes).
Progress = Callable[[str, int], None]


class BulkImportError(ClusterKGError):
    """neo4j-admin refused the import, or the server did not come back after it."""
