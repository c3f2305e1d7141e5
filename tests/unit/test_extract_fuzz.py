"""No text makes the extractor fail: whatever a page holds, a reading either gives facts or says
it found no cluster statement (an exception in one rule would lose a whole document)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clusterkg.errors import InputError
from clusterkg.loaders.extract.general import extract_general
from clusterkg.loaders.plan.document import read_plan

# the genre's words, names' endings, places, numbers and every kind of punctuation and dash plans use
_WORDS = [
    "产业集群",
    "集群",
    "产业基地",
    "特色",
    "千亿级",
    "五百亿级",
    "百亿元",
    "万亿",
    "高新区",
    "经开区",
    "开发区",
    "产业园",
    "园区",
    "集聚区",
    "有限公司",
    "集团",
    "股份",
    "项目",
    "工程",
    "基地",
    "中心",
    "以",
    "为龙头",
    "依托",
    "等",
    "和",
    "及",
    "与",
    "、",
    "，",
    "。",
    "；",
    "：",
    "（",
    "）",
    "(",
    ")",
    "“",
    "”",
    "—",
    "-",
    "–",
    "|",
    " | ",
    "\t",
    "   ",
    "\u3000",
    "\n",
    "一、",
    "（一）",
    "1.",
    "①",
    "一是",
    "郑州",
    "洛阳市",
    "新郑市",
    "晋江",
    "南安",
    "省",
    "市",
    "县",
    "区",
    "2025年",
    "到2030年",
    "达到",
    "突破",
    "1000亿元",
    "3",
    "个",
    "三轮",
    "序号",
    "项目名称",
    "建设单位",
    "集群名称",
    "地市",
    "目标",
    "合计",
    "某",
    "新",
    "和田",
    "其",
    "据",
    "由",
    # forms the rules of later sets read: counted industries, lists of what clusters are mainly of,
    # phases, rates, a change from one way to another, bases a text points at, kinds of firm
    "三大",
    "主导产业",
    "为主的",
    "为主导的",
    "向",
    "这里是",
    "二期",
    "万吨/年",
    "2×100MW",
    "为代表的",
    "关联企业",
    "产业链",
    "“链主”",
    "乳",
    "百亿级",
    "建设",
    "世界级",
    "服务",
    "不止",
    "是",
    # forms this stop's rules read: parts counted by what they make, trades first and second,
    # unnamed counts, bases placed by their hosts, innovation clusters, labelled projects, tables
    "产值超200亿和",
    "为辅的",
    "几家",
    "为主体的",
    "产业创新集群",
    "开工项目有:",
    "(醴陵市)",
    "全国性",
    "表1",
    "  ",
    "项目和",
    "在",
    "最大的企业",
    "几",
    "施工现场",
    "负责人",
    "分园",
    "续建项目提前复工",
    "龙头企业",
    "“",
    "”",
    "营业收入突破1000亿元",
    "超千亿元的",
    "为主体的",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60))
def test_any_text_of_the_genres_words_reads_or_is_refused_by_name(parts: list[str]) -> None:
    text = "".join(parts)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.txt"
        path.write_text(text, encoding="utf-8")
        try:
            doc = read_plan(path)
        except InputError as exc:
            assert "plan.txt" in str(exc)  # an empty or blank file, refused by name
            return
        facts = extract_general(doc)
        for c in facts.clusters:
            for ev in c.evidence:
                assert 0 <= ev.start <= ev.end <= len(doc.text)
                assert ev.quote == doc.text[ev.start : ev.end]
