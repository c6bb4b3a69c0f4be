"""The words of credits, as data: role words, prefixes, closing words, markers, and the
words that look like names but are not.

The credit grammar (``byline.py``) is built from these tables; a role word or a
closing word added here is understood in every position a credit can take.
"""

from __future__ import annotations

# The staff roles a reporter is credited with (本报 and outlet names are parsed apart).
REPORTER_WORDS = [
    "记者", "全媒体记者", "融媒体记者", "见习记者", "实习记者", "特约记者", "特派记者", "首席记者", "摄影记者",
    "客户端记者", "驻站记者", "实习生", "融媒体", "全媒体", "编辑", "作者", "评论员", "特约评论员",
    "摄影", "摄像", "供稿", "策划", "统筹", "撰稿",
    # a video's crew (新华网 千城百县看中国: 制片人:X / 编导:Y / 报道员:Z …)
    "制片人", "出品人", "编导", "报道员", "摄制", "剪辑",
]
CORRESPONDENT_WORDS = ["通讯员", "特约通讯员"]
# Editors and checkers: the page's furniture, never the item's credited people (初审编辑:X,
# 【责任编辑:Y】, 审核:Z, 新媒体编辑:W).  A line made only of these is furniture wherever it sits.
EDITOR_WORDS = [
    "责任编辑", "责编", "编辑", "初审编辑", "二审编辑", "三审编辑", "终审编辑", "值班编辑", "新媒体编辑", "网络编辑",
    "美术编辑", "本版编辑", "版面编辑", "图片编辑", "视频编辑", "编审", "初审", "二审", "三审", "复审", "终审",
    "审稿", "审校", "审核", "审签", "签发", "校对", "文检", "美编", "组版", "值班编委", "监制", "主编", "总监制",
]
# Prefixes that name what a person made: 文/记者 X, 图/Y, 片/Y (齐鲁晚报's picture credit), 文/图
# 记者 X, 摄影/Z, 视频/W, 文字:X 图片:Y, 口述:X 整理:Y.  One-character ones count only before a slash or colon (图片新闻 and 文化
# are no credits).
PREFIX = r"(?:文/图|图/文|(?:文图|图文|文字|文案|文|图|片|摄影|摄像|视频|图片|制图|漫画|策划|统筹|撰稿|口述|整理)\s*[/:])"
# Collective voices that sign without a name.
NAMELESS_ROLES = ("本报评论员", "评论员", "特约评论员", "本报编辑部", "本报记者组", "本报调查组")
# Words that close a credit and are no name: …报道, …摄, …文/图.
CLOSING_WORDS = ["摄影报道", "报道", "摄", "供图", "整理", "发自", "文/图", "文/摄", "图/文", "图文", "文并摄"]
# Closings glued to the names by a slash: 邵可/文, 崔文博 穆青禾/图, 刘伟 张强/摄.
SLASH_CLOSINGS = ["/文", "/图", "/摄", "/摄影", "/图文", "/文图"]
# Where a reprinted item came from, printed under it or glued after its end credit: 来源:X,
# 稿源:X, 信息来源:X, （来源：X）, and the words of a repost (转自X, 摘自X).
SOURCE_WORDS = ("来源", "稿源", "出处", "來源")
SOURCE_QUALIFIERS = ("供稿", "信息", "稿件", "新闻", "文章")
REPOST_WORDS = ("转载自", "转自", "摘自")
# Closing words that say the names before them made the pictures (a printed role).
PICTURE_CLOSINGS = ("摄", "摄影报道", "供图", "文/图", "文/摄", "图/文", "图文", "文并摄", "/图", "/摄", "/摄影", "/图文", "/文图")
# Markers printed before a credit or photo credit.
MARKERS = "■□●◆▲◇"
# Two-character things that look like names but are not.
NOT_NAMES = {
    "右图", "左图", "上图", "下图", "资料图", "图片", "视频", "记者", "本报", "本网", "通讯员", "报道", "摄影",
    "待续", "未完", "全文", "完毕", "下转", "上接", "续完", "同上", "见图", "附图", "图示", "注释",
    # 记者手记 / 记者观察 …: column names that start with a role word
    "手记", "观察", "调查", "视点", "札记", "走基层", "探访", "追踪", "连线", "直击", "体验", "感言",
}

# Last characters of places and institutions (高新区, 阳谷县, 市委, 交警队): a line of such
# words is a kicker, not a line of names.
PLACE_AND_BODY_ENDINGS = frozenset("区县市镇乡村街道路局委办厅院校所站馆厂场园港湾湖河山城省州处部队团会社组中心")

# Last words of offices and bodies that supply an item or a picture with no person named
# (聊城市台办供稿, 东阿县委宣传部提供, 图片来源:聊城市台港澳办, 位山灌区提供).
OFFICE_ENDINGS = (
    "台港澳办", "台办", "办公室", "办", "局", "委", "部", "厅", "处", "中心", "公司", "集团", "协会", "学会", "大学",
    "学院", "学校", "医院", "法院", "检察院", "政府", "街道", "社区", "站", "所", "队", "馆", "景区", "灌区", "园区",
)

# Places a credit ends with (聊城报道): the city, its counties and the cities reporters file from.
REPORT_PLACES = frozenset({
    "聊城", "东昌府", "临清", "冠县", "莘县", "阳谷", "东阿", "茌平", "高唐", "济南", "北京", "上海", "青岛",
    "天津", "广州", "深圳", "杭州", "南京", "郑州", "石家庄", "邯郸", "德州", "菏泽", "泰安", "济宁", "潍坊",
})

# The first characters of a role word broken at a line end (特约 / 通讯员, 实习 / 记者): no name.
ROLE_FRAGMENTS = frozenset(
    word[:k] for word in (*REPORTER_WORDS, *CORRESPONDENT_WORDS) for k in range(2, len(word))
)
