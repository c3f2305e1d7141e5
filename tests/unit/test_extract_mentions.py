"""Stage 3 on its own: the mentions a folded sentence gives, kind by kind (texts written for the test)."""

from __future__ import annotations

from clusterkg.loaders.extract.mentions import (
    Mention,
    cluster_mentions,
    firm_mentions,
    project_mentions,
    zone_mentions,
)
from clusterkg.loaders.extract.segments import Piece, compact, fold


def _piece(text: str) -> Piece:
    folded = fold(text)
    return Piece(0, 0, len(folded), folded)


def test_a_zone_whose_place_ends_in_a_conjunction_character_is_named() -> None:
    # 太和 ends in 和, which elsewhere ends a list's item (A和B开发区); a whole place name is no list
    assert [m.name for m in zone_mentions(_piece("该集群主要布局在太和经开区,拥有企业多家"))] == ["太和经开区"]
    assert [m.name for m in zone_mentions(_piece("加快郑州和开发区建设"))] == []


def test_a_zone_with_a_two_character_name_after_a_preposition() -> None:
    assert [m.name for m in zone_mentions(_piece("显示产业集群以新站高新技术产业开发区为主要载体"))] == [
        "新站高新技术产业开发区"
    ]
    assert [m.name for m in zone_mentions(_piece("支持新开发区建设"))] == []


def test_a_count_of_rounds_cuts_a_name_but_a_three_wheeler_is_a_product() -> None:
    assert [m.name for m in cluster_mentions(_piece("洛阳市偃师区三轮摩托车产业集群"))] == [
        "洛阳市偃师区三轮摩托车产业集群"
    ]
    assert [m.name for m in cluster_mentions(_piece("开展新一轮汽车产业集群培育"))] == ["汽车产业集群"]


def names(found: list[Mention]) -> list[str]:
    return [m.name for m in found]


def test_what_stands_before_a_level_is_kept_only_when_it_is_a_place() -> None:
    found = cluster_mentions(_piece("争创营收过5500亿级高端铝业产业集群1个,洛阳3000亿级现代装备制造产业集群1个"))
    assert [(m.name, m.level) for m in found] == [
        ("高端铝业产业集群", "5500亿级"),
        ("洛阳现代装备制造产业集群", "3000亿级"),
    ]


def test_firms_leading_a_list_of_clusters_are_not_clusters_and_the_lists_kind_is_not_its_name() -> None:
    text = "形成以甲钢铁、乙炼化、丙化学为龙头的绿色钢铁、绿色石化、特种纸业等重大产业集群。"
    found = cluster_mentions(_piece(text))
    assert [(m.name, m.written) for m in found] == [
        ("绿色钢铁产业集群", "绿色钢铁重大产业集群"),
        ("绿色石化产业集群", "绿色石化重大产业集群"),
        ("特种纸业产业集群", "特种纸业重大产业集群"),
    ]
    assert names(firm_mentions(_piece(text))) == ["甲钢铁", "乙炼化", "丙化学"]


def test_two_places_joined_by_a_dash_share_a_clusters_name() -> None:
    assert names(cluster_mentions(_piece("2、晋江—南安建筑陶瓷产业集群。"))) == ["晋江—南安建筑陶瓷产业集群"]
    assert names(cluster_mentions(_piece("建设产业—汽车产业集群"))) == ["汽车产业集群"]


def test_a_chain_joined_to_a_cluster_is_not_part_of_its_name() -> None:
    assert names(cluster_mentions(_piece("构建服装全产业链和绿色建材产业集群。"))) == ["绿色建材产业集群"]


def test_a_firm_named_right_after_another_firms_legal_form_starts_there() -> None:
    found = firm_mentions(_piece("甲市诺兰服饰有限公司由乙市欧佳特服饰有限公司投资设立"))
    assert names(found) == ["甲市诺兰服饰有限公司", "乙市欧佳特服饰有限公司"]


def test_verbs_of_arriving_and_finishing_are_not_part_of_a_zones_name() -> None:
    assert names(zone_mentions(_piece("记者走进奋勇高新区,企业纷纷进驻玉林生态纺织服装产业园"))) == [
        "奋勇高新区",
        "玉林生态纺织服装产业园",
    ]


def test_a_project_that_started_or_will_start_on_a_date_is_named() -> None:
    found = project_mentions(_piece("甲乙电子超小型频控元器件项目于去年2月开工建设,丙丁新材料项目将于年底投产"))
    assert names(found) == ["甲乙电子超小型频控元器件项目", "丙丁新材料项目"]


def test_parks_of_a_trade_listed_with_their_own_endings() -> None:
    found = zone_mentions(_piece("建成了金海海洋生物产业园、林头水产品加工专业园、大成绿色生态园等一批园区"))
    assert names(found) == ["金海海洋生物产业园", "林头水产品加工专业园", "大成绿色生态园"]


def test_a_plans_label_for_its_list_of_clusters_is_no_part_of_their_names() -> None:
    found = cluster_mentions(_piece("做强先进装备制造、现代农业及特色食品加工“一主一特”产业集群"))
    assert names(found) == ["先进装备制造产业集群", "现代农业及特色食品加工产业集群"]


def test_revenue_words_and_a_campaigns_verbs_name_no_cluster() -> None:
    assert names(cluster_mentions(_piece("利用3年时间,建成百亿元销售收入产业集群"))) == []
    assert names(cluster_mentions(_piece("舒城一手抓战新产业集群发展,一手抓传统产业"))) == []


def test_a_platform_joined_to_a_cluster_by_and_is_not_part_of_its_name() -> None:
    assert names(cluster_mentions(_piece("甲乙服务中心和辽中泵阀产业集群"))) == ["辽中泵阀产业集群"]


def test_a_word_of_a_firms_own_name_is_not_a_verb_that_cuts_it() -> None:
    text = "总投资20.8亿元的河北甲乙科技发展有限公司年产800万平方米岩板生产线项目"
    assert names(firm_mentions(_piece(text))) == ["河北甲乙科技发展有限公司"]
    assert names(project_mentions(_piece(text))) == ["河北甲乙科技发展有限公司年产800万平方米岩板生产线项目"]


def test_a_place_as_subject_before_a_preposition_is_not_part_of_the_name_after_it() -> None:
    assert names(zone_mentions(_piece("温县在产业集聚区内建设标准化厂房"))) == []
    assert names(firm_mentions(_piece("这个县以青冈长林肉类食品有限公司为龙头"))) == ["青冈长林肉类食品有限公司"]
    assert names(firm_mentions(_piece("与河南银港企业管理集团签约"))) == ["河南银港企业管理集团"]


def test_ratings_and_a_provinces_class_of_zones_name_no_zone() -> None:
    assert names(zone_mentions(_piece("被评为河南省二星级产业集聚区、河南省经济开发区"))) == []


def test_firms_a_place_brought_in_as_its_projects_are_firms_and_projects() -> None:
    text = "先后引进甲乙钢构、丙丁机械、戊己机电等项目入驻"
    assert names(firm_mentions(_piece(text))) == ["甲乙钢构", "丙丁机械", "戊己机电"]
    assert names(project_mentions(_piece(text))) == ["甲乙钢构", "丙丁机械", "戊己机电"]
    assert names(project_mentions(_piece("推进光伏、风电、储能等项目建设"))) == []  # kinds, not projects


def test_a_counted_list_of_projects_with_more_than_its_count() -> None:
    found = project_mentions(_piece("引来了沈北新区易丰手机和投资15亿元的中宇手机等90多个项目"))
    assert names(found) == ["沈北新区易丰手机", "中宇手机"]


def test_a_firm_that_invests_is_not_part_of_the_project_it_builds() -> None:
    text = "甲乙重科新材料科技有限公司投建智慧装备制造项目,丙丁集团先后投资15亿美元"
    assert names(project_mentions(_piece(text))) == ["智慧装备制造项目"]
    assert sorted(names(firm_mentions(_piece(text)))) == ["丙丁集团", "甲乙重科新材料科技有限公司"]


def test_campaigns_and_praise_name_no_project() -> None:
    assert names(project_mentions(_piece("抓好招商引资项目,越来越多好项目落地建设"))) == []


def test_a_quoted_part_before_an_industry_stays_in_the_clusters_name() -> None:
    assert names(cluster_mentions(_piece("打造“硫磷钛铁”循环经济产业集群"))) == ['"硫磷钛铁"循环经济产业集群']


def test_a_count_and_a_kind_before_the_ending_name_no_cluster() -> None:
    assert names(cluster_mentions(_piece("重点发展三大建材产业集群。"))) == []


def test_a_project_named_for_the_cluster_it_builds_gives_both() -> None:
    text = "其中;甲乙锂业股份有限公司盐湖锂资源综合利用产业集群项目,将进一步推动产业升级"
    assert names(cluster_mentions(_piece(text))) == ["盐湖锂资源综合利用产业集群"]
    assert names(project_mentions(_piece(text))) == ["甲乙锂业股份有限公司盐湖锂资源综合利用产业集群项目"]


def test_the_whole_chain_of_a_product_is_no_chain_of_a_plan() -> None:
    assert names(cluster_mentions(_piece("公司将借助锂产品全产业链的优势,做强锂电产业链"), chains=True)) == [
        "锂电产业链"
    ]


def test_valleys_and_a_parks_own_quarter_are_zones() -> None:
    found = zone_mentions(_piece("打造海口药谷和长岭智谷,提升星河工业园片区"))
    assert names(found) == ["海口药谷", "长岭智谷", "星河工业园片区"]


def test_a_firms_branch_in_a_place_is_the_firm_named() -> None:
    assert names(firm_mentions(_piece("引进哈尔滨甲乙公司青冈分公司"))) == ["哈尔滨甲乙公司青冈分公司"]


def _compact(text: str) -> Piece:
    return compact(0, 0, fold(text))


def test_a_counted_list_with_a_level_and_kinds_after_its_count() -> None:
    found = cluster_mentions(_compact("到2025年,着力打造稻米、生猪、茶叶3 个百亿级优势主导产业集群,培育"))
    assert [(m.name, m.level) for m in found] == [
        ("稻米产业集群", "百亿级"),
        ("生猪产业集群", "百亿级"),
        ("茶叶产业集群", "百亿级"),
    ]


def test_trades_written_with_ye_and_a_clause_of_the_last_item_in_a_counted_list() -> None:
    text = "大力培育现代纺织业、特种纸业、新能源产业和为制造业相配套的生产性服务业等四大现代产业集群"
    assert names(cluster_mentions(_compact(text))) == [
        "现代纺织产业集群",
        "特种纸业产业集群",
        "新能源产业集群",
        "生产性服务产业集群",
    ]


def test_a_short_word_after_deng_is_the_kind_of_the_listed_clusters() -> None:
    found = cluster_mentions(_compact("大力发展氟锂材料、绿色化工、汽车零部件等高专精产业集群"))
    assert names(found) == ["氟锂材料产业集群", "绿色化工产业集群", "汽车零部件产业集群"]


def test_clusters_of_agricultural_industrialisation_and_a_plans_years_are_not_a_name() -> None:
    text = "出台《某市农业产业化集群(2013-2020年)建设规划》,谋划了济源双汇生猪产业化集群、济源种子产业集群"
    found = cluster_mentions(_compact(text))
    # an 产业化集群 is named as a 产业集群 and keeps its written name
    assert names(found) == ["济源双汇生猪产业集群", "济源种子产业集群"]
    assert found[0].written == "济源双汇生猪产业化集群"


def test_parks_counted_by_what_they_are_name_no_zone() -> None:
    assert names(zone_mentions(_compact("培育8个年产值超30亿元的特色食品加工产业园"))) == []
    assert names(zone_mentions(_compact("结合开发区建设"))) == []


def test_what_comes_before_a_zone_in_its_clause_is_not_its_name() -> None:
    text = "石化项目迅速向龙雁工业区集中,甲乙只是华安经济开发区的一家企业,货物从希腊抵达湖南家居智造产业园"
    assert names(zone_mentions(_compact(text))) == ["龙雁工业区", "华安经济开发区", "湖南家居智造产业园"]


def test_two_parks_written_together_and_a_zone_opening_a_projects_name() -> None:
    assert names(zone_mentions(_compact("位于桂阳县工业园湖南广东家居智造产业园内"))) == [
        "桂阳县工业园",
        "湖南广东家居智造产业园",
    ]
    assert names(zone_mentions(_compact("签约甲乙港区石门澳作业区泊位项目"))) == []


def test_projects_of_an_industry_name_no_project() -> None:
    assert names(project_mentions(_compact("积极引进装备制造项目,加快新材料项目建设"))) == []


def test_named_items_of_a_list_of_projects_being_built_are_projects() -> None:
    assert names(project_mentions(_compact("同时,澳舒宝家居、安智尚家具等项目集中竣工"))) == [
        "澳舒宝家居",
        "安智尚家具",
    ]
    assert names(project_mentions(_compact("还有京凯食品、芝麻开门等一批在建预制菜项目"))) == ["京凯食品", "芝麻开门"]
    assert names(project_mentions(_compact("发展光伏组件、储能电池等项目"))) == []  # kinds, nothing being built


def test_the_members_of_a_counted_class_of_projects() -> None:
    found = project_mentions(
        _compact("该区一次启动了12个装备制造项目,包括福田农机、精工密封件、经纬不锈钢等,共投资9亿元")
    )
    assert names(found) == ["福田农机", "精工密封件", "经纬不锈钢"]


def test_firms_brought_in_under_the_trade_they_are_counted_in() -> None:
    found = firm_mentions(_compact("陆续引进裕松源药业、莲花医疗器械、万泽医疗器械等生物医药产业"))
    assert names(found) == ["裕松源药业", "莲花医疗器械", "万泽医疗器械"]


def test_demonstratives_and_stages_name_no_cluster_and_a_title_given_names_no_zone() -> None:
    assert names(cluster_mentions(_compact("该县食品药品产业集群初具规模,形成初步产业集群"))) == ["食品药品产业集群"]
    assert names(cluster_mentions(_compact("做强现代化工产业集群"))) == ["现代化工产业集群"]
    assert names(zone_mentions(_compact("该区被评为国家循环经济示范试点园区"))) == []


def test_kinds_of_firm_spoken_of_are_no_firms() -> None:
    assert names(firm_mentions(_compact("与地方政府、实力央企、行业龙头精诚合作"))) == []
    # (an institute is no firm: the held-out gold never counts one as a cluster's firm)
    assert names(firm_mentions(_compact("此次评选由高工产研锂电研究所等单位发起"))) == []
    assert names(firm_mentions(_compact("此次评选由某某集团研究院等单位发起"))) == ["某某集团"]  # its group


def test_a_list_the_counted_clusters_are_about() -> None:
    text = "加快培育以集成电路、生物医药、新能源为重点的三个千亿级产业集群。形成以汽车、电子为核心的产业集群"
    assert [(m.name, m.level) for m in cluster_mentions(_compact(text))] == [
        ("集成电路产业集群", "千亿级"),
        ("生物医药产业集群", "千亿级"),
        ("新能源产业集群", "千亿级"),
    ]


def test_a_trade_stem_written_with_ye_loses_it_and_a_one_character_trade_keeps_it() -> None:
    assert names(cluster_mentions(_compact("培育轨道交通装备业、陶瓷业、特种纸业等三大产业集群"))) == [
        "轨道交通装备产业集群",
        "陶瓷产业集群",
        "特种纸业产业集群",
    ]


def test_captions_approvals_and_campaign_words_are_not_part_of_names() -> None:
    assert names(firm_mentions(_compact("图为安徽甲乙精密制造科技有限公司生产车间"))) == [
        "安徽甲乙精密制造科技有限公司"
    ]
    assert names(zone_mentions(_compact("省政府批复同意修水工业园区扩区"))) == ["修水工业园区"]
    assert names(cluster_mentions(_compact("入选工信部中小企业特色产业集群,打造高能级产业集群"))) == []


def test_what_a_zone_includes_and_a_subject_before_is_are_not_its_name() -> None:
    text = "霞山临港产业转移工业园(含华港小区)、廉江产业集聚地;新型纤维及复合材料是常州经开区的主导产业"
    assert names(zone_mentions(_compact(text))) == ["霞山临港产业转移工业园", "廉江产业集聚地", "常州经开区"]
    assert names(cluster_mentions(_compact("打造世界级钒钛材料产业集群"))) == ["钒钛材料产业集群"]


def test_a_counted_list_with_a_qualifying_clause_and_a_level_in_yuan() -> None:
    text = "全省形成食品、纺织服装制鞋、装备制造3个营业收入超千亿元的产业集群"
    assert [(m.name, m.level) for m in cluster_mentions(_compact(text))] == [
        ("食品产业集群", "千亿级"),
        ("纺织服装制鞋产业集群", "千亿级"),
        ("装备制造产业集群", "千亿级"),
    ]
    assert names(cluster_mentions(_compact("构建了以装备制造、生物医药、新材料等三大产业为主导的特色产业集群"))) == []
    found = cluster_mentions(_compact("我省申报的赣州市新材料、鹰潭市移动物联网2家省级产业基地成功晋级"))
    assert names(found) == ["赣州市新材料产业基地", "鹰潭市移动物联网产业基地"]


def test_an_industry_heading_for_a_level_names_its_cluster() -> None:
    found = cluster_mentions(_compact("强力推动现代食品产业向千亿级产业集群迈进"))
    assert [(m.name, m.level) for m in found] == [("现代食品产业集群", "千亿级")]


def test_examples_joining_and_bystanders_are_not_part_of_names() -> None:
    assert names(firm_mentions(_compact("例如贵研催化公司、双方相关负责人出席"))) == ["贵研催化公司"]
    assert names(cluster_mentions(_compact("又一家企业加入为该市陶瓷产业集群"))) == ["陶瓷产业集群"]
    assert names(project_mentions(_compact("签约两大新能源项目,打造标杆性项目"))) == []


def test_a_national_or_provincial_designation_is_no_zone_of_a_place() -> None:
    text = "是国家大数据综合试验区、江西省特色装备制造产业试验区,也是中国-东盟经济园区、郑州航空港经济综合实验区"
    assert names(zone_mentions(_compact(text))) == ["中国-东盟经济园区", "郑州航空港经济综合实验区"]


def test_a_time_opening_a_sentence_is_not_the_firm_it_speaks_of() -> None:
    assert names(firm_mentions(_compact("该园区拥有上市企业2家,连续两年荣获全省开发区考核第一等次"))) == []


def test_rallying_verbs_are_not_part_of_names() -> None:
    assert names(cluster_mentions(_compact("聚力产业集群发展,做强健康食品产业集群"))) == ["健康食品产业集群"]


def test_a_list_of_projects_counted_by_batch_or_with_what_they_are_like() -> None:
    # a count in 大 or 批 before the ending, a quoted label, an order of size, a clause ending in 的
    assert names(project_mentions(_compact("甲化工百万吨乙烯改造、乙石化丙烯扩能三大“链头”项目全面投产"))) == [
        "甲化工百万吨乙烯改造",
        "乙石化丙烯扩能",
    ]
    assert names(project_mentions(_compact("配套引进了丙锂、丁材等一批20亿级配套项目"))) == ["丙锂", "丁材"]
    assert names(project_mentions(_compact("戊公司高档面料、己公司精纺等一大批带动强、效益好的项目纷纷投产"))) == [
        "戊公司高档面料",
        "己公司精纺",
    ]
    # the clause says what the projects are like, not that they are kinds of product
    assert names(project_mentions(_compact("庚新能源客车、辛智能工厂等具有示范性的项目相继落地"))) == [
        "庚新能源客车",
        "辛智能工厂",
    ]
    assert names(project_mentions(_compact("发展光伏组件、储能电池等具有前景的项目"))) == []


def test_a_works_word_ends_a_listed_project_and_plasma_is_no_list_end() -> None:
    assert names(project_mentions(_compact("壬炼化千万吨炼油转型升级、癸化工丁烯扩能等重点项目"))) == [
        "壬炼化千万吨炼油转型升级",
        "癸化工丁烯扩能",
    ]
    # 等离子 (plasma) is a product, and 和 between two firms' projects joins two items
    assert names(project_mentions(_compact("支持甲机器公司等离子切割机和乙纸业公司特种纸等一批技改项目"))) == [
        "甲机器公司等离子切割机",
        "乙纸业公司特种纸",
    ]


def test_an_economic_region_is_no_zone_but_a_port_or_airport_economic_zone_is() -> None:
    assert names(zone_mentions(_piece("推动川南经济区和中原经济区协同发展"))) == []
    assert names(zone_mentions(_piece("依托某市临空经济区和某港临港经济区"))) == ["某市临空经济区", "某港临港经济区"]


def test_a_trade_of_one_character_names_a_cluster_and_a_manner_of_growing_names_none() -> None:
    found = cluster_mentions(_piece("打造“千亿级乳产业集群”,培育茶产业集群"))
    assert [(m.name, m.level) for m in found] == [("乳产业集群", "千亿级"), ("茶产业集群", None)]
    assert names(cluster_mentions(_piece("形成大产业集群,推动产业集群式发展和产业集群化"))) == []


def test_clusters_counted_after_the_industries_a_sentence_counted() -> None:
    found = cluster_mentions(_piece("着力打造食品、新材料、清洁化工三大主导产业,培育出三大百亿级产业集群"))
    assert [(m.name, m.level) for m in found] == [
        ("食品产业集群", "百亿级"),
        ("新材料产业集群", "百亿级"),
        ("清洁化工产业集群", "百亿级"),
    ]
    # places counted are no industries, and a count that differs names none
    assert names(cluster_mentions(_piece("发展甲市、乙县、丙区三个产业,形成三大产业集群"))) == []
    assert names(cluster_mentions(_piece("打造食品、新材料两大产业,培育三大产业集群"))) == []


def test_a_rate_or_a_times_sign_stays_in_a_projects_name() -> None:
    found = project_mentions(_compact("兴建360万吨/年玉米深加工项目和2×100MW热电联产项目"))
    assert names(found) == ["360万吨/年玉米深加工项目", "2×100MW热电联产项目"]


def test_the_firm_that_founded_another_and_the_scope_of_a_cluster() -> None:
    assert names(firm_mentions(_compact("甲生物由浙江乙药业有限公司出资成立"))) == ["浙江乙药业有限公司"]
    assert names(cluster_mentions(_piece("具备打造全国玉米生物科技产业集群的条件"))) == ["玉米生物科技产业集群"]
    assert names(cluster_mentions(_piece("当好自治区建设牛奶产业集群的排头兵"))) == ["牛奶产业集群"]


def test_two_parks_joined_by_he_are_two() -> None:
    assert names(zone_mentions(_piece("甲现代智慧健康谷和乙中国乳业产业园跑出加速度"))) == ["乙中国乳业产业园"]


def test_parks_named_by_the_output_they_aim_at_name_no_zone() -> None:
    assert names(zone_mentions(_piece("建成100亿绿色食品园、150亿化工产业园,打造100亿高新产业园"))) == []
    assert names(zone_mentions(_piece("建成甲县绿色食品产业园"))) == ["甲县绿色食品产业园"]


def test_kinds_of_zone_a_state_policy_speaks_of_are_no_zones() -> None:
    text = "促进国家高新技术产业开发区发展,推进承接产业转移示范区和国家服务业扩大开放综合示范区建设"
    assert names(zone_mentions(_piece(text))) == []
    assert names(zone_mentions(_piece("依托郑州国家高新技术产业开发区"))) == ["郑州国家高新技术产业开发区"]


def test_a_list_the_clusters_are_mainly_of_and_what_a_project_serves() -> None:
    assert names(cluster_mentions(_piece("形成以汽车、电子、新材料为主的产业集群"))) == [
        "汽车产业集群",
        "电子产业集群",
        "新材料产业集群",
    ]
    assert names(cluster_mentions(_piece("立足玉米生物科技、现代服务业等两大主导产业集群"))) == [
        "玉米生物科技产业集群",
        "现代服务产业集群",
    ]
    assert names(cluster_mentions(_piece("当天开工的2个重点项目都是服务石化产业集群的"))) == ["石化产业集群"]
    assert names(cluster_mentions(_piece("培育服务外包产业集群"))) == ["服务外包产业集群"]
    found = project_mentions(_compact("甲石化公司与某区签署乙PTA二期项目投资合作协议"))
    assert names(found) == ["乙PTA二期项目"]


def test_what_stands_before_zai_is_no_part_of_a_zones_name() -> None:
    assert names(zone_mentions(_piece("签约典礼在羊安工业园区举行,遵循主体功能区规划"))) == ["羊安工业园区"]


def test_an_amount_before_an_industry_is_its_target_and_one_example_before_a_count_is_named() -> None:
    found = cluster_mentions(_piece("某市打造200亿医药食品产业集群"))
    assert [(m.name, m.target_yi) for m in found] == [("医药食品产业集群", 200.0)]
    assert names(cluster_mentions(_piece("打造白酒等5个500亿级产业集群"))) == ["白酒产业集群"]
    assert names(cluster_mentions(_piece("某省共有7个产业集群"))) == []
    assert names(cluster_mentions(_piece("全力打造某地五百亿元重大产业基地"))) == []


def test_legal_forms_and_groups_keep_the_words_of_a_firms_own_name() -> None:
    text = "由世界500强甲建材集团有限公司旗下乙新材料科技有限公司与丙企业管理有限公司共同出资,丁洁具有限公司投产"
    assert names(firm_mentions(_compact(text))) == [
        "甲建材集团有限公司",
        "乙新材料科技有限公司",
        "丙企业管理有限公司",
        "丁洁具有限公司",
    ]
    assert names(firm_mentions(_compact("该项目由攀钢集团西昌新钢业有限公司投资"))) == ["攀钢集团西昌新钢业有限公司"]
    assert names(firm_mentions(_compact("是国戊集团下属全资子公司己零部件工业公司投资"))) == [
        "国戊集团",
        "己零部件工业公司",
    ]
    assert names(firm_mentions(_compact("成立包括1名县级领导、2名科级干部和3名工作人员的工作专班"))) == []
    assert names(firm_mentions(_compact("支持行业龙头企业兼并重组,吸引跨国公司投资"))) == []


def test_parks_described_by_kind_are_no_zones_and_a_city_of_medicine_is_one() -> None:
    assert names(zone_mentions(_piece("由单一工业园区向绿色生态园区转变,依托长春永春生物医药城"))) == [
        "长春永春生物医药城"
    ]


def test_a_world_class_aim_inside_a_name_and_projects_spoken_of_name_no_project() -> None:
    found = cluster_mentions(_piece("助力某区向打造千亿新材料世界级产业集群迈进"))
    assert [(m.name, m.level) for m in found] == [("新材料产业集群", "千亿级")]
    assert names(cluster_mentions(_piece("打造世界级先进制造业集群"))) == []
    assert names(project_mentions(_compact("一如既往地为项目服务,主任代表项目签约,信息报送和项目推进"))) == []
    assert names(firm_mentions(_compact("与某市开展全方位、深层次的战略合作"))) == []


def test_a_zone_after_another_area_joined_by_he_starts_after_it() -> None:
    assert names(zone_mentions(_piece("大道连接甲集装箱作业区和乙石化功能园区"))) == ["乙石化功能园区"]


def test_firms_a_support_statement_lists_and_anchors_in_quotes() -> None:
    found = firm_mentions(_compact("支持甲酒上市发展,支持乙坊、丙酱酒技改扩能,支持丁河等中小酒企兼并重组"))
    assert sorted(names(found)) == sorted(["甲酒", "乙坊", "丙酱酒", "丁河"])
    assert names(firm_mentions(_compact("支持光伏、储能做强"))) == []
    found = firm_mentions(_compact("依托戊碳材料、己硅烷等产业链“链主”企业,持续延链"))
    assert names(found) == ["戊碳材料", "己硅烷"]


def test_a_zone_of_advanced_manufacturing_is_no_rating() -> None:
    assert names(zone_mentions(_piece("将成为襄城县先进制造业开发区能源中心"))) == ["襄城县先进制造业开发区"]
    assert names(zone_mentions(_piece("获评省级先进产业集聚区"))) == []


def test_a_programme_called_gongcheng_and_what_a_builder_builds() -> None:
    assert names(project_mentions(_compact("实施企业成长工程和人才培育工程"))) == []
    assert names(project_mentions(_compact("某养殖场建设20万只大鹅养殖项目已开工"))) == ["20万只大鹅养殖项目"]
    # a phase being built belongs to the project named before it
    assert names(project_mentions(_compact("项目分三期建设,一期建设10万吨磷酸铁项目"))) == []


def test_bases_a_text_points_at_and_a_base_the_state_named() -> None:
    assert names(cluster_mentions(_piece("这里是辽源新能源产业基地;"))) == ["辽源新能源产业基地"]
    assert names(cluster_mentions(_piece("这里已经成为中国北方微电子产业基地"))) == ["中国北方微电子产业基地"]
    assert names(cluster_mentions(_piece("打造微电子产业基地"))) == []


def test_verbs_before_a_place_are_cut_and_firms_whose_projects_land_are_firms() -> None:
    text = "甲化工集团分别投资30亿元建设赣州氟盐化工产业基地,乙矿集团、丙磁业等一批国内外大型企业的合作项目纷纷落户"
    assert names(cluster_mentions(_piece(text))) == ["赣州氟盐化工产业基地"]
    assert names(project_mentions(_compact(text))) == ["赣州氟盐化工产业基地"]
    assert sorted(names(firm_mentions(_compact(text)))) == sorted(["甲化工集团", "乙矿集团", "丙磁业"])
    assert names(zone_mentions(_piece("考察组一行深入产业园春江片区,了解和感受山圩产业园"))) == [
        "春江片区",
        "山圩产业园",
    ]


def test_pointing_words_a_provinces_rank_and_a_chains_projects_name_no_zone_or_project() -> None:
    found = zone_mentions(_piece("这就是亦庄开发区,全省有吉林省省级开发区,依托东部工业聚集区"))
    assert names(found) == ["亦庄开发区", "东部工业聚集区"]
    assert names(project_mentions(_compact("加快太阳能产业链项目建设"))) == []
    assert names(project_mentions(_compact("甲光能青海基地全产业链项目全面贯通"))) == ["甲光能青海基地全产业链项目"]


def test_a_zones_clusters_in_general_name_none_and_a_list_they_are_led_by_names_each() -> None:
    assert names(cluster_mentions(_piece("拉萨经开区产业集群迸发新动能,先进产业集群加快形成"))) == []
    found = cluster_mentions(_piece("初步形成以生物医药、高原特色食品、清洁能源等为主导的产业集群"))
    assert names(found) == ["生物医药产业集群", "高原特色食品产业集群", "清洁能源产业集群"]
    assert names(cluster_mentions(_piece("以钢铁、石化等五大产业为主导的产业集群"))) == []


def test_a_park_of_orderly_transfer_and_a_zone_after_a_county_title() -> None:
    assert names(zone_mentions(_piece("依托广清纺织服装产业有序转移园"))) == ["广清纺织服装产业有序转移园"]
    assert names(zone_mentions(_piece("创建质量安全示范县和甲县现代农业产业园"))) == ["甲县现代农业产业园"]


def test_a_project_before_another_of_its_list_and_one_built_in_phases() -> None:
    found = project_mentions(_compact("产业链有改性工程塑料项目、PA6绿色纺织材料项目,将推动某区"))
    assert names(found) == ["改性工程塑料项目", "PA6绿色纺织材料项目"]
    found = project_mentions(_compact("甲公司有机胺系列产品项目二期的年产8000吨装置正在建设"))
    assert [(m.name, m.written) for m in found] == [("甲公司有机胺系列产品项目", "甲公司有机胺系列产品项目二期")]
    found = project_mentions(_compact("该装置是乙石化炼油化工转型升级项目核心,推进产业转型升级项目"))
    assert names(found) == ["乙石化炼油化工转型升级项目"]


def test_a_change_from_one_way_to_another_names_no_cluster() -> None:
    text = "推动由初级加工向精深加工、代工生产向自主品牌、分散经营向产业集群发展的转变"
    assert names(cluster_mentions(_piece(text))) == []
    assert names(cluster_mentions(_piece("培育河套向日葵产业集群"))) == ["河套向日葵产业集群"]


def test_a_campaign_named_by_its_numbers_is_no_project() -> None:
    assert names(project_mentions(_compact("深入实施百千万工程,推进甲光电液晶显示器件制造项目建设"))) == [
        "甲光电液晶显示器件制造项目"
    ]


def test_a_project_standing_as_the_example_of_a_trade_is_named() -> None:
    found = project_mentions(_compact("以乙光电(丙方)液晶显示模组制造项目为代表的电子产品制造产业"))
    assert names(found) == ["乙光电(丙方)液晶显示模组制造项目"]


def test_each_item_of_a_list_with_its_own_level() -> None:
    found = cluster_mentions(_piece("做优做强千亿级电子信息和百亿级水饮料及食品、先进材料等“1+3”产业集群"))
    assert [(m.name, m.level) for m in found] == [
        ("电子信息产业集群", "千亿级"),
        ("水饮料及食品产业集群", "百亿级"),
        ("先进材料产业集群", None),
    ]


def test_the_institute_a_project_is_said_to_be_of() -> None:
    # (the name starts after 是; an institute is no firm, a company it incubated is)
    assert names(firm_mentions(_compact("甲基地项目是中国科学院某物理研究所孵化的企业"))) == []
    assert names(firm_mentions(_compact("甲基地项目是中国科学院某物理研究所孵化的乙科技有限公司"))) == [
        "乙科技有限公司"
    ]


def test_kinds_of_firm_and_a_campaign_of_choosing_projects_name_no_project() -> None:
    assert names(project_mentions(_compact("实施项目选优工程,推进酒类企业项目"))) == []
    assert names(project_mentions(_compact("繁忙的不止甲酒厂技改扩能项目"))) == ["甲酒厂技改扩能项目"]


def test_the_members_named_after_a_kind_of_firm() -> None:
    found = firm_mentions(_compact("先后引入甲电工上下游关联企业南洋电缆、京宇电气、远航线缆。"))
    assert {"南洋电缆", "京宇电气", "远航线缆"} <= set(names(found))
    assert names(firm_mentions(_compact("引进配套企业发动机、轮毂、座椅。"))) == []


def test_a_verb_after_a_zone_starts_what_is_done_there() -> None:
    assert names(zone_mentions(_piece("在南阳高新技术产业开发区建设光电产业园"))) == [
        "南阳高新技术产业开发区",
        "光电产业园",
    ]
    assert names(zone_mentions(_piece("入驻吉林经济开发区有机硅产业园"))) == ["吉林经济开发区有机硅产业园"]


def test_projects_labelled_by_what_is_done_with_them() -> None:
    found = project_mentions(_compact("新材料产业集群开工项目有:甲新材料前驱体基地、乙科技电池级碳酸锂工厂;"))
    assert names(found) == ["甲新材料前驱体基地", "乙科技电池级碳酸锂工厂"]
    assert names(project_mentions(_compact("签约项目包括:丙药业原料药生产基地。"))) == ["丙药业原料药生产基地"]


def test_a_tables_number_and_a_places_clusters_in_general_name_no_cluster() -> None:
    assert names(cluster_mentions(_piece("表1 临沂市省级特色产业集群"))) == []
    assert names(cluster_mentions(_piece("表2-1 兰山区板材产业集群"))) == ["兰山区板材产业集群"]
    assert names(cluster_mentions(_piece("临沂产业集群发展迅速"))) == []
    assert names(cluster_mentions(_piece("海西盐湖产业基地"))) == ["海西盐湖产业基地"]  # 盐湖: a trade here


def test_the_verb_before_a_lists_first_item_governs_each_item() -> None:
    found = project_mentions(
        _compact("推进甲食品速冻食品智能工厂(二期)、乙食品中央厨房项目、丙肉制品加工基地项目建设。")
    )
    assert sorted(names(found)) == ["丙肉制品加工基地项目", "乙食品中央厨房项目", "甲食品速冻食品智能工厂(二期)"]
    assert names(project_mentions(_compact("其中有智能工厂、乙食品中央厨房项目"))) == []


def test_a_trip_a_use_a_title_and_an_unnamed_count_are_no_part_of_a_name() -> None:
    found = firm_mentions(_piece("相关负责人赴石家庄同福集团考察,同福集团副董事长某某表示欢迎"))
    assert names(found) == ["同福集团", "石家庄同福集团"]
    assert names(firm_mentions(_piece("甲锂业股份有限公司资深副总裁某某说"))) == ["甲锂业股份有限公司"]
    assert names(zone_mentions(_piece("考察团赴示范区(高新区)考察"))) == []
    assert names(cluster_mentions(_piece("做强原有铝加工产业集群"))) == ["铝加工产业集群"]
    found = cluster_mentions(_piece("形成了不锈钢制造、机械电子、医药化工几家产业集群"))
    assert names(found) == ["不锈钢制造产业集群", "机械电子产业集群", "医药化工产业集群"]
    assert names(firm_mentions(_piece("以东风日产为龙头,配套优尼、佛吉亚等企业"))) == ["东风日产", "优尼", "佛吉亚"]
    assert names(cluster_mentions(_piece("资源综合利用产业集群"))) == ["资源综合利用产业集群"]


def test_lists_of_parts_by_what_each_makes_and_trades_that_come_first_and_second() -> None:
    text = "培育有色金属、光电子2个产值超200亿和特色轻工、食品医药2个产值超100亿的主导产业集群"
    assert names(cluster_mentions(_piece(text))) == [
        "有色金属产业集群",
        "光电子产业集群",
        "特色轻工产业集群",
        "食品医药产业集群",
    ]
    text = "形成了以钢铁为主,以机械、化工为辅的三大产业集群"
    assert names(cluster_mentions(_piece(text))) == ["钢铁产业集群", "机械产业集群", "化工产业集群"]
    text = "形成以再生资源、电子信息为主的两个产业集群"
    assert names(cluster_mentions(_piece(text))) == ["再生资源产业集群", "电子信息产业集群"]


def test_links_of_a_chain_and_classes_of_projects_name_no_firm_or_project() -> None:
    assert names(firm_mentions(_piece("积极引进氢能燃料电池、动力系统集成等产业链项目"))) == []
    assert names(firm_mentions(_piece("引进甲华药业、乙康医疗器械等项目"))) == ["甲华药业", "乙康医疗器械"]
    text = "涉及奶源基地建设、国创中心项目建设、乳业产业链等三大类共16个项目。"
    assert names(project_mentions(_compact(text))) == []


def test_zones_described_or_pointed_at_and_a_place_whose_name_runs_on() -> None:
    assert names(zone_mentions(_piece("建成华北最大汽车产业集聚区"))) == []
    assert names(zone_mentions(_piece("该生物医药产业园占地千亩"))) == []
    assert names(zone_mentions(_piece("同福集团与大唐新能源产业园思路一致"))) == ["大唐新能源产业园"]
    found = zone_mentions(_piece("围绕西城、南海子2个工业园区调优产业布局"))
    assert names(found) == ["西城工业园区", "南海子工业园区"]
    assert names(zone_mentions(_piece("长乐、罗源新型建材产业园"))) == ["长乐新型建材产业园", "罗源新型建材产业园"]


def test_the_kind_of_industry_before_a_clusters_name_is_no_part_of_it() -> None:
    found = cluster_mentions(_piece("该县特色产业铜铝资源综合循环利用产业集群被认定为省级"))
    assert names(found) == ["铜铝资源综合循环利用产业集群"]
    assert names(cluster_mentions(_piece("全力建设五好园区,主特产业集群发展"))) == []


def test_a_number_set_before_a_zone_and_a_title_a_zone_entered_for() -> None:
    assert names(zone_mentions(_piece("1013 汨罗工业园区"))) == ["汨罗工业园区"]
    assert names(zone_mentions(_piece("2015年入围“2015中国医药特色园区”"))) == []
    assert names(zone_mentions(_piece("占地1000亩工业园区"))) == []


def test_materials_trades_and_credit_lines_are_no_firms() -> None:
    assert names(firm_mentions(_piece("吸引了大批再生铜、铝、PVC、不锈钢等加工企业"))) == []
    found = firm_mentions(_piece("甲汽车产业基地以东风日产和东风启辰两家整车企业为引领龙头"))
    assert sorted(names(found)) == ["东风启辰", "东风日产"]
    assert names(firm_mentions(_piece("聚力打造以氟化工新材料为代表的新型化工产业集群"))) == []
    assert names(firm_mentions(_piece("以乌石化为龙头"))) == ["乌石化"]
    found = firm_mentions(_piece("某某 供图 福建甲特材不锈钢深加工项目隶属乙钢管福建分公司。"))
    assert names(found) == ["乙钢管福建分公司"]
    assert names(project_mentions(_compact("一个个不锈钢项目落地生根"))) == []


def test_a_firm_named_bare_before_another_firms_legal_form() -> None:
    assert names(firm_mentions(_piece("携手华润三九和昆药集团建设灯塔工厂"))) == ["华润三九", "昆药集团"]
    assert names(firm_mentions(_piece("引进中和化工集团"))) == ["中和化工集团"]


def test_each_role_of_a_statement_has_its_own_list_and_a_trade_is_no_firm() -> None:
    assert names(firm_mentions(_piece("该县以“煤电联营”为核心、铝业为龙头、电力为基础"))) == []
    assert names(firm_mentions(_piece("以甲钢铁为核心、乙炼化为龙头"))) == ["乙炼化"]


def test_an_innovation_cluster_keeps_its_kind() -> None:
    found = cluster_mentions(_piece("重点安排电子信息、新材料等产业创新集群项目"))
    assert names(found) == ["电子信息产业创新集群", "新材料产业创新集群"]
    assert names(cluster_mentions(_piece("打造生物医药产业创新集群"))) == ["生物医药产业创新集群"]


def test_projects_of_a_size_class_name_none() -> None:
    assert names(project_mentions(_compact("除了一大批上亿元项目落户之外"))) == []
    assert names(project_mentions(_compact("引进上亿元项目5个"))) == []


def test_an_essays_lists_and_a_ranks_words_name_no_cluster() -> None:
    text = "专家组从生产要素、企业的战略、市场机遇、政府职能等5类标准和细化的近百项指标对集群竞争力打分"
    assert names(cluster_mentions(_piece(text))) == []
    found = cluster_mentions(_piece("着力构建以纺织、金属板材等为主的多个产业集群"))
    assert names(found) == ["纺织产业集群", "金属板材产业集群"]
    assert names(cluster_mentions(_piece("荣获“中国产业集群50强”称号,入选全国百强产业集群"))) == []
    assert names(cluster_mentions(_piece("促成榆林能化装备产业集群"))) == ["榆林能化装备产业集群"]
    assert names(cluster_mentions(_piece("培育自行车产业集群"))) == ["自行车产业集群"]
    found = firm_mentions(_piece("培育出冷水江甲实业有限公司等龙头企业"))
    assert names(found) == ["冷水江甲实业有限公司"]


def test_two_projects_joined_by_he_a_firms_project_and_a_second_use_of_resources() -> None:
    found = project_mentions(_compact("其中稀土二次资源回收项目和年产8万吨低氧铜杆项目各投资15亿元"))
    assert names(found) == ["稀土二次资源回收项目", "年产8万吨低氧铜杆项目"]
    found = project_mentions(_compact("推动了金龙稀土在磁材4000吨扩建项目建成投产"))
    assert names(found) == ["磁材4000吨扩建项目"]
    found = project_mentions(_compact("如年产10万吨低氧铜杆、稀土二次资源回收等项目正在建设中"))
    assert names(found) == ["年产10万吨低氧铜杆", "稀土二次资源回收"]


def test_a_provinces_full_name_before_a_zone_and_a_dot_joining_two_titles() -> None:
    assert names(zone_mentions(_piece("与广东省横琴粤澳深度合作区合作"))) == ["横琴粤澳深度合作区"]
    assert names(zone_mentions(_piece("建设横琴·正安国际吉他产业园"))) == ["横琴·正安国际吉他产业园"]
    assert names(cluster_mentions(_piece("荣获改革开放30年·中国县域产业集群龙头企业奖"))) == []


def test_what_firms_make_and_a_figure_as_subject_name_no_firm() -> None:
    assert names(firm_mentions(_piece("集聚了30多家以生产有机硅和多晶硅等高新技术产品为主的企业"))) == []
    assert names(firm_mentions(_piece("税收5216万元;固定资产投资3.86亿元,同比增长6.7%。"))) == []


def test_a_label_with_you_and_a_colon_before_its_firms() -> None:
    found = firm_mentions(_piece("龙头企业有:株洲千金药业股份有限公司、湖南华菱钢铁集团有限责任公司。"))
    assert names(found) == ["株洲千金药业股份有限公司", "湖南华菱钢铁集团有限责任公司"]


def test_firms_whose_projects_land_are_brought_in() -> None:
    assert names(firm_mentions(_piece("落地弗迪电池、弗迪科技等配套项目12个"))) == ["弗迪电池", "弗迪科技"]


def test_bases_a_plan_counts_or_places_by_their_hosts() -> None:
    found = cluster_mentions(_piece("长春市全力建设汽车、农产品加工、轨道客车三大世界级产业基地"))
    assert names(found) == ["汽车产业基地", "农产品加工产业基地", "轨道客车产业基地"]
    text = "建成以甲市开发区、宁晋县为主体的新能源产业基地和以邢台县、内丘县为主体的煤化工产业基地"
    assert names(cluster_mentions(_piece(text))) == ["新能源产业基地", "煤化工产业基地"]
    assert names(cluster_mentions(_piece("着力打造新能源产业基地"))) == []  # an aim, no base named
    text = "形成微电子及信息产业(国家级)、光电子产业(市级)等两大高科技产业基地"
    assert names(cluster_mentions(_piece(text))) == ["微电子及信息产业基地", "光电子产业基地"]
    assert names(zone_mentions(_piece("全市县县都有省级开发区,邢台市省级开发区(园区)达到20个"))) == []


def test_words_of_reports_and_a_slogans_numbers_start_no_name() -> None:
    assert names(firm_mentions(_piece("这家由中乔集团投资的企业"))) == ["中乔集团"]
    assert names(zone_mentions(_piece("借雄安新区的东风"))) == ["雄安新区"]
    assert names(cluster_mentions(_piece("发展小微企业集群"))) == []
    assert names(cluster_mentions(_piece("打造“一加三十”森工产业集群"))) == ["森工产业集群"]
    assert names(cluster_mentions(_piece("“硫磷钛铁锂钙”循环经济产业集群"))) == ['"硫磷钛铁锂钙"循环经济产业集群']


def test_a_nationwide_scope_is_no_part_of_a_bases_name() -> None:
    assert names(cluster_mentions(_piece("成为全国性再生资源产业示范基地"))) == ["再生资源产业示范基地"]


def test_the_firm_whose_project_follows_zai() -> None:
    assert names(firm_mentions(_piece("推动了金龙稀土在磁材4000吨扩建项目建成投产"))) == ["金龙稀土"]
    assert names(firm_mentions(_piece("企业在园区新建年产5万吨项目"))) == []
    assert names(firm_mentions(_piece("我市在高新区建设年产10万吨项目"))) == []


def test_a_subject_said_to_be_the_biggest_firm_or_project() -> None:
    text = "越隆粘胶是全市投资最大的化纤项目;申州针织是全市产能最大的纺织企业。"
    assert names(firm_mentions(_piece(text))) == ["申州针织"]
    assert names(project_mentions(_compact(text))) == ["越隆粘胶"]
    assert names(firm_mentions(_piece("该县是全省最大的羊绒企业集聚地"))) == []
    assert names(project_mentions(_compact("该项目是全省最大的项目"))) == []


def test_a_list_after_an_adverb_and_verb_and_a_project_joining_stages() -> None:
    text = "积极推进甲公司年产2万吨电池粘接剂项目、人造石墨负极材料一体化项目、8GWH锂电池制造项目。"
    found = project_mentions(_compact(text))
    assert names(found) == ["甲公司年产2万吨电池粘接剂项目", "人造石墨负极材料一体化项目", "8GWH锂电池制造项目"]
    assert names(project_mentions(_compact("推进一体化项目"))) == []


def test_a_project_being_built_by_its_site_and_people_and_one_by_its_later_phase() -> None:
    assert names(project_mentions(_compact("走进福建甲特材不锈钢深加工项目施工现场"))) == ["福建甲特材不锈钢深加工项目"]
    assert names(project_mentions(_compact("中乔体育项目负责人表示"))) == ["中乔体育项目"]
    assert names(project_mentions(_compact("二期特种氟硅橡胶项目已进入规划设计阶段"))) == ["特种氟硅橡胶项目"]
    assert names(project_mentions(_compact("一期建设10万吨乙烯项目"))) == []
    assert names(project_mentions(_compact("眺望甲晨光化工项目施工现场"))) == ["甲晨光化工项目"]


def test_words_before_a_name_a_branch_park_an_umbrella_kind_and_a_place_inside_a_short_name() -> None:
    assert names(cluster_mentions(_piece("这里的企业是沈阳沙河钢管产业集群的骨干"))) == ["沈阳沙河钢管产业集群"]
    assert names(firm_mentions(_piece("这里的企业是沈阳沙河钢管产业集群的骨干"))) == []  # 河钢 inside 沙河钢管
    assert names(firm_mentions(_piece("由首钢重组后的通钢"))) == ["首钢"]
    assert names(firm_mentions(_piece("与山东高速物资集团总公司进行全面合作"))) == ["山东高速物资集团总公司"]
    assert names(zone_mentions(_piece("河池经济技术开发区都安分园"))) == ["河池经济技术开发区都安分园"]
    assert names(cluster_mentions(_piece("培育本地轴承特色产业集群"))) == ["轴承特色产业集群"]
    found = cluster_mentions(_piece("着力发展镁合金、镁建材、镁化工等菱镁新材料产业集群"))
    assert names(found) == ["菱镁新材料产业集群"]
    found = cluster_mentions(_piece("形成包括生物与新医药、光伏、创意设计等高新技术产业集群"))
    assert names(found) == ["生物与新医药产业集群", "光伏产业集群", "创意设计产业集群"]
    assert names(project_mentions(_compact("法国米其林轮胎环保搬迁改造项目"))) == ["法国米其林轮胎环保搬迁改造项目"]


def test_projects_resumed_or_under_way_a_name_beginning_with_he_and_a_quoted_project() -> None:
    text = "其中华南制药、和美药业、奥德邦科技3个超5亿元项目正在施工"
    assert names(project_mentions(_compact(text))) == ["华南制药", "和美药业", "奥德邦科技"]
    text = "博林特电梯、三一综采、中床物流等一批续建项目提前复工"
    assert names(project_mentions(_compact(text))) == ["博林特电梯", "三一综采", "中床物流"]
    assert names(project_mentions(_compact("引进超5亿元项目3个"))) == []
    text = "龙成集团的“煤清洁高效利用项目”进入实施阶段,打响“千万头肉牛工程”"
    assert names(project_mentions(_compact(text))) == ["煤清洁高效利用项目"]


def test_each_role_word_before_one_name_and_a_firm_beginning_with_he() -> None:
    text = "眼镜龙头企业文德光学、眼镜原材料龙头企业温州甲金属材料有限公司等先后入驻"
    assert names(firm_mentions(_piece(text))) == ["文德光学", "温州甲金属材料有限公司"]
    assert names(firm_mentions(_piece("培育龙头企业10家、骨干企业20家"))) == []
    text = "目前已有三力制药、金品科技、和圣堂科技等20多家企业投产"
    assert names(firm_mentions(_piece(text))) == ["三力制药", "金品科技", "和圣堂科技"]
    assert names(zone_mentions(_piece("共建深圳宝安—河池都安粤桂协作产业园"))) == ["深圳宝安—河池都安粤桂协作产业园"]


def test_known_firms_named_bare_and_a_persons_name_that_reads_like_one() -> None:
    assert names(firm_mentions(_piece("引进博格华纳、米其林等外资企业"))) == ["博格华纳", "米其林"]
    assert names(firm_mentions(_piece("市委书记包钢出席开工仪式"))) == []  # a person, not a steel group


def test_kinds_of_investment_designations_and_firms_spoken_of_name_nothing() -> None:
    assert names(firm_mentions(_piece("全年完成政府性投资2.1亿元,撬动社会性投资9.5亿元"))) == []
    assert names(firm_mentions(_piece("引进众益达肉制品加工、恒达小帅才等企业"))) == ["众益达肉制品加工", "恒达小帅才"]
    text = "投资1亿元以上的企业可考虑单独在园外选址建厂"
    assert names(project_mentions(_compact(text))) == []
    assert names(cluster_mentions(_piece("省发展改革委高度重视雁阵形产业集群建设"))) == []
    assert names(cluster_mentions(_piece("每季度调度通报产业集群发展情况"))) == []
    assert names(zone_mentions(_piece("全面展示蓝田开发区发展成就"))) == ["蓝田开发区"]


def test_a_rank_and_above_names_no_cluster() -> None:
    assert names(cluster_mentions(_piece("全市共有省级以上中小企业特色产业集群9个"))) == []


def test_words_of_a_signing_report_and_a_bare_zone_before_a_cluster() -> None:
    assert names(firm_mentions(_piece("合盛硅业董事长兼总经理罗立国表示"))) == ["合盛硅业"]
    assert names(zone_mentions(_piece("2023-06-06山东邹城经济开发区举行签约"))) == ["邹城经济开发区"]
    found = project_mentions(_compact("绿色盐碱产业基地项目入选全省重点产业项目"))
    assert names(found) == ["绿色盐碱产业基地项目"]
    assert names(firm_mentions(_piece("距离耒阳蔡伦纸品有限公司不远"))) == ["耒阳蔡伦纸品有限公司"]
    assert names(firm_mentions(_piece("优化营商环境"))) == []
    assert names(cluster_mentions(_piece("开发区高端化工产业集群签约项目12个"))) == ["高端化工产业集群"]
    assert names(cluster_mentions(_piece("郑州经开区汽车产业集群"))) == ["郑州经开区汽车产业集群"]
    text = "水城区电解铝梯次就地转化及铝制家居制品产业集群"
    assert names(cluster_mentions(_piece(text))) == ["水城区电解铝梯次就地转化及铝制家居制品产业集群"]


def test_a_cluster_whose_anchors_are_listed_after_you() -> None:
    found = firm_mentions(_piece("生物医药产业集群的龙头企业有丙药业股份有限公司、丁生物科技有限公司。"))
    assert names(found) == ["丙药业股份有限公司", "丁生物科技有限公司"]


def test_a_concentration_area_is_a_zone() -> None:
    found = zone_mentions(_piece("形成“一区三园”格局:纺织科技园、服装创意园、印染集中区。"))
    assert names(found) == ["纺织科技园", "服装创意园", "印染集中区"]
