"""Liaocheng's places as data: the city, its counties and districts, their towns and streets, and landmarks.

From public administrative facts (the divisions of 聊城市, the rivers and sights a
local paper names); the level says how telling a shared place is: two articles
both naming 聊城 say little, both naming 张秋镇 or 光岳楼 say much more.  Counties
are also written short (东昌府区 → 东昌府, 临清市 → 临清); towns are matched only
by their full name (沙镇镇 ≠ 沙镇, 大桥镇 ≠ 大桥).
"""

from __future__ import annotations

CITY, COUNTY, TOWN, LANDMARK = "city", "county", "town", "landmark"

#: (name, level, the county it belongs to)
PLACES: tuple[tuple[str, str, str], ...] = (
    ("聊城市", CITY, ""), ("聊城", CITY, ""), ("水城", CITY, ""), ("江北水城", CITY, ""), ("山东省", CITY, ""),
    ("东昌府区", COUNTY, "东昌府区"), ("茌平区", COUNTY, "茌平区"), ("临清市", COUNTY, "临清市"),
    ("阳谷县", COUNTY, "阳谷县"), ("莘县", COUNTY, "莘县"), ("东阿县", COUNTY, "东阿县"), ("冠县", COUNTY, "冠县"),
    ("高唐县", COUNTY, "高唐县"), ("聊城经济技术开发区", COUNTY, "开发区"), ("聊城高新技术产业开发区", COUNTY, "高新区"),
    ("江北水城旅游度假区", COUNTY, "度假区"), ("茌平县", COUNTY, "茌平区"),
    # 东昌府区
    *((name, TOWN, "东昌府区") for name in (
        "古楼街道", "柳园街道", "新区街道", "湖西街道", "道口铺街道", "阎寺街道", "闫寺街道", "凤凰街道", "北城街道",
        "侯营镇", "沙镇镇", "堂邑镇", "梁水镇镇", "斗虎屯镇", "郑家镇", "张炉集镇", "于集镇", "许营镇", "朱老庄镇",
        "顾官屯镇", "广平镇", "李海务街道", "蒋官屯街道", "东城街道", "九州街道", "韩集镇",
    )),
    # 茌平区
    *((name, TOWN, "茌平区") for name in (
        "振兴街道", "信发街道", "温陈街道", "乐平铺镇", "冯官屯镇", "菜屯镇", "博平镇", "杜郎口镇", "韩屯镇",
        "胡屯镇", "肖家庄镇", "贾寨镇", "洪官屯镇", "杨官屯乡",
    )),
    # 临清市
    *((name, TOWN, "临清市") for name in (
        "青年路街道", "新华路街道", "先锋路街道", "大辛庄街道", "松林镇", "老赵庄镇", "康庄镇", "魏湾镇",
        "刘垓子镇", "八岔路镇", "潘庄镇", "烟店镇", "唐园镇", "金郝庄镇", "戴湾镇", "尚店镇",
    )),
    # 阳谷县
    *((name, TOWN, "阳谷县") for name in (
        "博济桥街道", "侨润街道", "狮子楼街道", "阎楼镇", "阿城镇", "七级镇", "安乐镇", "定水镇", "石佛镇",
        "李台镇", "寿张镇", "十五里园镇", "张秋镇", "郭屯镇", "西湖镇", "高庙王镇", "金斗营镇", "大布乡",
    )),
    # 莘县
    *((name, TOWN, "莘县") for name in (
        "燕塔街道", "莘亭街道", "莘州街道", "东鲁街道", "张鲁回族镇", "朝城镇", "观城镇", "古城镇", "大张家镇",
        "古云镇", "十八里铺镇", "燕店镇", "董杜庄镇", "王奉镇", "樱桃园镇", "河店镇", "妹冢镇", "魏庄镇",
        "张寨镇", "大王寨镇", "徐庄镇", "王庄集镇", "柿子园镇", "俎店镇",
    )),
    # 东阿县
    *((name, TOWN, "东阿县") for name in (
        "铜城街道", "新城街道", "刘集镇", "牛角店镇", "大桥镇", "高集镇", "姜楼镇", "姚寨镇", "鱼山镇", "陈集镇",
    )),
    # 冠县
    *((name, TOWN, "冠县") for name in (
        "清泉街道", "崇文街道", "烟庄街道", "贾镇", "桑阿镇", "柳林镇", "清水镇", "东古城镇", "北馆陶镇", "店子镇",
        "定远寨镇", "辛集镇", "梁堂镇", "范寨镇", "甘官屯镇", "兰沃乡", "斜店乡", "万善乡",
    )),
    # 高唐县
    *((name, TOWN, "高唐县") for name in (
        "鱼丘湖街道", "汇鑫街道", "人和街道", "梁村镇", "尹集镇", "清平镇", "固河镇", "三十里铺镇", "琉璃寺镇",
        "赵寨子镇", "姜店镇", "杨屯镇",
    )),
    # rivers, lakes, sights and the main roads of the city
    *((name, LANDMARK, "") for name in (
        "东昌湖", "光岳楼", "山陕会馆", "京杭大运河", "运河", "徒骇河", "马颊河", "漳卫河", "卫运河", "金堤河",
        "黄河", "位山", "景阳冈", "鱼山", "曹植墓", "舍利宝塔", "清真东寺", "海源阁", "铁塔", "古运河",
        "东昌路", "柳园路", "花园路", "兴华路", "建设路", "利民路", "向阳路", "卫育路", "湖南路", "振兴路",
        "光岳路", "昌润路", "东关街", "西关街", "古楼北街", "湖滨路", "二环路", "黄河路", "嫩江路", "松桂大街",
        "聊城大学", "聊城职业技术学院", "聊城西站", "聊城站",
    )),
)

#: short names of counties and districts as papers write them
SHORT_NAMES: dict[str, str] = {
    "东昌府": "东昌府区", "茌平": "茌平区", "临清": "临清市", "阳谷": "阳谷县", "东阿": "东阿县", "高唐": "高唐县",
    "开发区": "聊城经济技术开发区", "高新区": "聊城高新技术产业开发区", "度假区": "江北水城旅游度假区",
}
