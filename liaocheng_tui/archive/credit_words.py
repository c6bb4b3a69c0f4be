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
]
CORRESPONDENT_WORDS = ["通讯员", "特约通讯员"]
# Prefixes that name what a person made: 文/记者 X, 图/Y, 片/Y (齐鲁晚报's picture credit), 文/图
# 记者 X, 摄影/Z, 视频/W.  One-character ones count only before a slash or colon (图片新闻 and 文化
# are no credits).
PREFIX = r"(?:文/图|图/文|(?:文图|图文|文|图|片|摄影|摄像|视频|图片|制图|漫画|策划|统筹|撰稿)\s*[/:])"
# Collective voices that sign without a name.
NAMELESS_ROLES = ("本报评论员", "评论员", "特约评论员", "本报编辑部", "本报记者组", "本报调查组")
# Words that close a credit and are no name: …报道, …摄, …文/图.
CLOSING_WORDS = ["摄影报道", "报道", "摄", "供图", "整理", "发自", "文/图", "文/摄", "图/文", "图文", "文并摄"]
# Closings glued to the names by a slash: 邵可/文, 崔文博 穆青禾/图, 刘伟 张强/摄.
SLASH_CLOSINGS = ["/文", "/图", "/摄", "/摄影", "/图文", "/文图"]
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

# Places a credit ends with (聊城报道): the city, its counties and the cities reporters file from.
REPORT_PLACES = frozenset({
    "聊城", "东昌府", "临清", "冠县", "莘县", "阳谷", "东阿", "茌平", "高唐", "济南", "北京", "上海", "青岛",
    "天津", "广州", "深圳", "杭州", "南京", "郑州", "石家庄", "邯郸", "德州", "菏泽", "泰安", "济宁", "潍坊",
})

# The first characters of a role word broken at a line end (特约 / 通讯员, 实习 / 记者): no name.
ROLE_FRAGMENTS = frozenset(
    word[:k] for word in (*REPORTER_WORDS, *CORRESPONDENT_WORDS) for k in range(2, len(word))
)
