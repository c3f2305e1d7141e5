"""Stage 5b: table rows — a row of a cluster table read as one statement about its cluster, and a
row of a project table (项目名称 | 建设单位 | 建设地点 …) as one project with its builders and site."""

from __future__ import annotations

import re

from clusterkg.loaders.places import Division
from clusterkg.text import normalise_name

from .entities import _YEAR, Entity, EntityStore
from .facts import Evidence
from .lexicon import LEXICON
from .mentions import Mention, canonical_cluster, cluster_mentions, is_generic, zone_mentions
from .segments import Block, Piece, Table, column_role

_TOTAL_ROW = re.compile(r"^(合计|总计|小计|共计)")
# a builder column may name the government office in charge rather than a firm
_GOVERNMENT = re.compile(r"(人民政府|管委会|委员会|办公室|局|厅|街道|乡|镇)$")
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万亿|亿)元?")


class TableRows(EntityStore):
    """A table row read as one statement: its columns by what their header means."""

    # -- tables ---------------------------------------------------------------------------------
    def read_row(self, block: Block, table: Table, fallback: Entity | None = None) -> None:
        """Read one row; ``fallback`` is the cluster of the section the table stands in."""
        cells = block.cells
        if not cells or any(_TOTAL_ROW.match(c.text.strip()) for c in cells[:2]):
            return
        if (
            len(cells) < len(table.header)
            and block.para.index == len(self.doc.paragraphs) - 1
            # a row that ends with its separator has all its cells, the last ones empty
            and not re.search(r"[|｜\t]\s*$", block.para.text)
        ):
            # the text stops inside the row's last cell; the cells before it are whole
            cells = cells[:-1]
            whole = {role for role, i in table.roles.items() if i < len(cells)}
            if not whole & {"name", "industry", "projects"}:
                self.warnings.append(f"paragraph {block.para.index}: the table's last row is cut off; not read")
                return
            self.warnings.append(
                f"paragraph {block.para.index}: the table's last row is cut off; read without its cut cell"
            )

        def cell(role: str) -> Piece | None:
            i = table.roles.get(role)
            if i is None or i >= len(cells) or not cells[i].text.strip():
                return None
            return cells[i]

        row = Piece(block.para.index, cells[0].start, cells[-1].end, block.folded)
        ev = self.evidence(row)
        zone_cell, place_cell, name_cell = cell("zone"), cell("place"), cell("name")
        industry_cell, firm_cell, project_cell, target_cell = (
            cell("industry"),
            cell("firms"),
            cell("projects"),
            cell("target"),
        )
        zones = zone_mentions(zone_cell) if zone_cell else []
        if zone_cell:
            # a cell of a zone column names zones, bases and parks alike: 某某生产基地、某某产业园
            found = {z.name for z in zones}
            for item in re.split(r"[、,;]", zone_cell.text):
                n = normalise_name(item)
                if n and n not in found and re.search(r"(基地|园|城|中心|小镇)(\([^()]{2,6}\))?$", n) and len(n) >= 4:
                    k = zone_cell.text.find(item.strip())
                    zones.append(
                        Mention(
                            "zone",
                            n,
                            zone_cell.at(k),
                            zone_cell.end_at(k + len(item.strip())),
                            block.para.index,
                            via="table",
                        )
                    )
        places: list[Division] = []
        if place_cell:
            places = self.resolver.places_in(place_cell.text)
        zone_ents: list[Entity] = []
        for z in zones:
            zone = self.entity("zone", z.name, ev)
            for d in self.resolver.leading_places(z.name):
                if d not in zone.places:
                    zone.places.append(d)
            zone_ents.append(zone)
        if zone_cell and not zones and not places:
            places = self.resolver.places_in(zone_cell.text)
        if not places:
            places = [d for z in zone_ents for d in z.places][:1]
        cms: list[Mention] = cluster_mentions(name_cell, self.chains) if name_cell else []
        if name_cell and not cms:
            head = normalise_name(name_cell.text)
            chain_column = "产业链" in table.header[table.roles["name"]] and not head.endswith("链")
            if len(head) >= 2 and not is_generic(head, LEXICON.cluster_generic):
                cms = [
                    Mention(
                        "cluster",
                        # 产业链名称 | 新能源汽车: a chain of a 链长制 table, named as its header calls it
                        head + "产业链" if chain_column else canonical_cluster(head, "集群"),
                        name_cell.start,
                        name_cell.end,
                        block.para.index,
                        written=head,
                        industry=head,
                        via="table",
                    )
                ]
        if not cms and industry_cell and (places or zone_ents):
            ind = normalise_name(industry_cell.text)
            if len(ind) >= 2 and not is_generic(ind, LEXICON.cluster_generic):
                owner = places[0].short if places else zone_ents[0].name
                cms = [
                    Mention(
                        "cluster",
                        # 新能源汽车产业链 in a 链长制 table: the chain, named as written, not a place's cluster
                        ind if ind.endswith("产业链") else canonical_cluster(owner + ind, "集群"),
                        industry_cell.start,
                        industry_cell.end,
                        block.para.index,
                        industry=ind,
                        via="table",
                    )
                ]
        if not cms:
            if "name" in table.roles or "industry" in table.roles:
                return
            if project_cell is not None:
                self.project_row(block, project_cell, firm_cell, zone_ents, ev, fallback)
            elif firm_cell is not None:
                self.firm_row(block, firm_cell, ev, fallback)
            return
        m = cms[0]
        ent = self.add_cluster(m, ev, zone=zone_ents[0].name if zone_ents else None, places=places)
        if ent is None:
            return
        if places:
            for d in places:
                if d not in ent.places:
                    ent.places.append(d)
        if target_cell:
            amount = _AMOUNT.search(target_cell.text) or re.search(r"(\d+(?:\.\d+)?)", target_cell.text)
            if amount:
                unit = amount.group(2) if amount.lastindex and amount.lastindex >= 2 else None
                header = table.header[table.roles["target"]]
                scale = (
                    10000.0
                    if unit == "万亿"
                    else (1.0 if unit == "亿" or "亿" in header else (0.0001 if "万元" in header else 1.0))
                )
                ent.target_yi = round(float(amount.group(1)) * scale, 4)
                if y := _YEAR.search(header):
                    ent.target_year = int(y.group(1))
        for zone in zone_ents:
            ent.links["zone"].setdefault(zone.name, ev)
        # 链主企业 | 配套企业: every column of firms, not only the first
        firm_cells = [firm_cell] if firm_cell else []
        firm_cells += [
            cells[i]
            for i, h in enumerate(table.header)
            if i != table.roles.get("firms") and i < len(cells) and column_role(h) == "firms" and cells[i].text.strip()
        ]
        for fc in firm_cells:
            for name in re.split(r"[、,;/]", fc.text):
                n = normalise_name(name)
                if len(n) >= 2 and not re.search(r"\d+(?:余|多)?家", n):
                    f = self.entity("firm", n, ev)
                    ent.links["firm"].setdefault(f.name, ev)
        if project_cell:
            for name in re.split(r"[、;]", project_cell.text):
                n = normalise_name(name)
                if len(n) >= 2:
                    p = self.entity("project", n, ev)
                    ent.links["project"].setdefault(p.name, ev)

    def project_row(
        self,
        block: Block,
        name_cell: Piece,
        firm_cell: Piece | None,
        zones: list[Entity],
        ev: Evidence,
        fallback: Entity | None,
    ) -> None:
        """A row of a project table: the project, the firms that build it, the zone it is sited in;
        it serves the cluster of the table's section, or is kept for the document's one cluster."""
        name = normalise_name(name_cell.text)
        if len(name) < 4 or is_generic(name, LEXICON.project_generic):
            return
        project = self.entity("project", name, ev)
        if firm_cell:
            for item in re.split(r"[、,;/]", firm_cell.text):
                n = normalise_name(item)
                if len(n) >= 2 and not _GOVERNMENT.search(n):
                    firm = self.entity("firm", n, ev)
                    if firm.name not in project.firms:
                        project.firms.append(firm.name)
        for zone in zones:
            project.links["zone"].setdefault(zone.name, ev)
        # its builders reach the cluster through the project
        self._attach_row(project, block, name_cell, ev, fallback)

    def firm_row(self, block: Block, name_cell: Piece, ev: Evidence, fallback: Entity | None) -> None:
        """A row of a firm table (企业名称 | 主营产品 | 所在园区): a firm of the section's cluster, or
        kept for the document's one cluster."""
        name = normalise_name(name_cell.text)
        if len(name) < 2 or _GOVERNMENT.search(name) or re.search(r"\d+(?:余|多)?家", name):
            return
        self._attach_row(self.entity("firm", name, ev), block, name_cell, ev, fallback)

    def _attach_row(self, ent: Entity, block: Block, name_cell: Piece, ev: Evidence, fallback: Entity | None) -> None:
        """A row's project or firm serves the cluster of the table's section; without one it is kept
        for the document's one cluster, as a sentence's would be."""
        if fallback is not None:
            fallback.links[ent.kind].setdefault(ent.name, ev)
        else:
            mention = Mention(ent.kind, ent.name, name_cell.start, name_cell.end, block.para.index, via="table")
            self.unattached.append((mention, ev))
