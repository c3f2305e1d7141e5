"""Files of the formats plans arrive in, written for tests (invented names, no text of a real plan)."""

from __future__ import annotations

from pathlib import Path


def write_list_workbook(path: Path) -> None:
    """An invented 名单 as provinces publish it: a merged title, a merged city column, a note."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "第一批名单"
    sheet.append(["某省第一批特色产业集群名单"])
    sheet.merge_cells("A1:D1")
    sheet.append(["序号", "地市", "集群名称", "2025年目标(亿元)"])
    sheet.append([1, "洛阳市", "洛阳市伊川县铝精深加工产业集群", 150.0])
    sheet.append([2, None, "洛阳市偃师区三轮摩托车\n产业集群", 120])
    sheet.merge_cells("B3:B4")
    sheet.append([])
    sheet.append(["注：排名不分先后"])
    hidden = book.create_sheet("草稿")
    hidden.append(["不应读出的草稿", "x"])
    hidden.sheet_state = "hidden"
    other = book.create_sheet("Sheet2")
    other.append(["序号", "地市", "集群名称", "2025年目标(亿元)"])
    other.append([3, "许昌市", "许昌市长葛市再生金属产业集群", 200])
    book.properties.title = "某省特色产业集群名单"
    book.save(path)


# A plan whose key projects come as tables under each cluster's heading, with a government office
# among the builders and an investment column (written for the tests).
PROJECT_TABLES = """某省先进制造业集群培育方案
一、电子信息产业集群
重点依托某某高新技术产业开发区，打造千亿级电子信息产业集群。
序号 | 项目名称 | 建设单位 | 建设地点 | 总投资(亿元)
1 | 年产1000万片柔性显示模组项目 | 某某光电科技有限公司 | 某某高新技术产业开发区 | 30
2 | 半导体封装测试基地 | 某某微电子股份有限公司、某某县人民政府 | 某某县 | 12
二、新材料产业集群
依托某某经济技术开发区，壮大新材料产业集群。
序号 | 项目名称 | 建设单位 | 建设地点 | 总投资(亿元)
1 | 年产5万吨碳纤维项目 | 某某新材料有限公司 | 某某经济技术开发区 | 20
合计 | | | | 62
"""
