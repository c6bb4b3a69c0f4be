"""Common Chinese surnames: where names printed run together are cut, and whether a lone
short line is a name.

记者于涛黄华 is two names because 黄 starts one; a line 宋明远 above an article is
a credit because 宋 is a surname, while 秋收 or 冬至 over a brief are titles.  The
table is the few hundred surnames that cover nearly every name in the archive
(simplified script; traditional names are simplified before the look-up).
"""

from __future__ import annotations

from liaocheng_tui.archive.folding import simplify

# Ordered roughly by how common they are (王 李 张 刘 陈 … first).
_SURNAMES_BY_FREQUENCY = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖"
    "练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那"
    "宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    "覃纵弓寿邴后代揣逄牧刀晏桓皇万俟綦"
)
SURNAMES = frozenset(_SURNAMES_BY_FREQUENCY)
#: How common a surname is: its place in the list (0 = the most common).
SURNAME_RANK: dict[str, int] = {}
for _rank, _surname in enumerate(_SURNAMES_BY_FREQUENCY):
    SURNAME_RANK.setdefault(_surname, _rank)

#: Two-character surnames: 欧阳晓东 is one name, not 欧阳 + 晓东.
COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "西门", "南宫", "独孤", "端木", "轩辕", "呼延", "万俟", "申屠", "澹台", "闻人",
})


def starts_with_surname(name: str) -> bool:
    """Does ``name`` start with a common (or compound) surname?"""
    name = simplify(name)
    return bool(name) and (name[0] in SURNAMES or name[:2] in COMPOUND_SURNAMES)
