"""The regular grammar of number phrases, tried only where a numeral, digit, 第 or Latin letter starts.

The scanner (``quantity.py``) finds candidate starts with ``START`` (one character class: fast in C),
then the ``match`` that ``grammars_by_first_char`` gives for the character there tries the
alternatives below at that one position, in this order: a space
inside a number (zero-width: ``quantity_spaced`` decides), dates and
times, phone numbers, labels and codes, period names, fractions, ordinals, 翻N番, 半数, and last
the general number phrase. Qualifiers written BEFORE a number (超过, 近, 约) and sign words
(下降) are read from the left context by the scanner, not here. The text is normalized first:
ASCII digits, ``%``, ``.``, ``:``, ``-``, ``~``, ``/``.
"""

from __future__ import annotations

import re
from functools import cache

from .quantity_tables import tables, trie_regex

__all__ = ["START", "grammars_by_first_char", "number_regex", "NUM", "SPACED_RUN", "BETWEEN"]

# Chinese digits, places and sections. 千 is not read as a numeral before a unit that begins
# with it: 5千瓦 is 5 kW, not 5000 瓦. Example: "三百六十三点九万" is one CN numeral.
_CD = "零〇○一二两兩倆三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
_CP = "十拾百佰仟廿卅"
_CS = "万萬亿億"
_QIAN = "千(?!瓦|米|克|卡|焦|帕|伏|赫|兆)"
# 两 is never the units digit after 十 (三十二, not 三十两): 三十两 is thirty taels, not 32.
# 兆 is 10^12 (Taiwan, Hong Kong, Japan: 新台币3兆元) only inside a compound or before money; in
# 兆瓦, 兆帕, 兆赫, 兆字节 and in "100兆宽带" it is the SI prefix mega (units.toml), not a magnitude.
_ZHAO = (f"兆(?=[{_CD}十拾百佰千仟{_CS}0-9]|[元圆]|美元|日元|欧元|英镑|港元|港币|新台币|台币|韩元|"
         "人民币)")
# 两 inside a numeral is a digit only before a place, a section or another digit (两万两千,
# 一两个, 三两天); at its end it is the weight unit tael: 二两 = 2 两, 两万两 = 20000 两,
# 三千两百两 = 3200 两. Before a word that cannot follow the unit (三两天, 三两下, 一两个) it stays
# a digit of an adjacent-pair range.
_LIANG_AFTER = "".join(sorted(set(tables().units["两"].not_before + "下句声步口笔趟遍回眼")))
_LIANG_MID = f"(?<![十拾])两(?=[{_CD}十拾百佰千仟{_CS}兆]|[{_LIANG_AFTER}])"
_CNCH0 = f"(?:[{_CD.replace('两', '')}十拾佰仟廿卅{_CS}]|百(?!分[点點])|{_QIAN}|{_ZHAO}"
_CNCH = f"{_CNCH0}|{_LIANG_MID})"
_CNCH0 += ")"
# 點: the traditional 点. 两 is no decimal digit: 两百点两 is not 200.2.
CN = f"(?:{_CNCH0}|两)(?:{_CNCH}|[点點](?=[{_CD.replace('两', '')}]))*"
# Arabic: "1,234.5". Mixed with magnitudes: "10.1万", "12百万", "5億1萬4千6百".
AR = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
# 百 before 分点 (分點) starts the unit 百分点 ("3百分点", "3百分點"), not a magnitude.
_MAG = f"(?:[十拾佰仟廿卅{_CS}]|百(?!分[点點])|{_QIAN}|{_ZHAO})"
# A Chinese head that ends in a magnitude may go on in Arabic digits, each with a smaller
# magnitude: "五億1萬4千6百" (500014600), "三万5千" (35000); not after a lone magnitude (百5万), nor "十一五3万" or "三万5".
_CN_AR = f"(?<=[{_CD}{_CP}千{_CS}][十拾百佰千仟{_CS}])(?:{AR}{_MAG}+)+"
NUM = f"(?:{AR}(?:{_MAG}+(?:{AR}{_MAG}+)*)?|{CN}(?:{_CN_AR})?)"
_SECT = f"(?:[{_CS}]|{_QIAN}|百(?!分[点點])|{_ZHAO})+"  # a magnitude after 多/余: 30多万

START = re.compile(f"[0-9A-Za-z{_CD}{_CP}{_CS}千第翻半打¥￥$€£]")

# Dates. Y: 1500-2099. Example: "2025-01-17 12:04", "2025年1月", "3月3日9:30", "1—5月", "二〇二五年".
_Y = r"(?:1[5-9][0-9]{2}|20[0-9]{2})"
_CY = "[〇○零一二三四五六七八九]{4}"
_MON = r"(?:1[0-2]|0?[1-9])"
_CMON = "(?:十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
_CDAY = "(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_TIME = r"(?:[01]?[0-9]|2[0-4]):[0-5][0-9](?::[0-5][0-9])?"
_DSEP = "(?:——|[-—–~至到])"
# A clock time in words: "9点30分", "十时半". A bare "9点" is left alone (三点建议: three points).
_CHOUR = "(?:[01]?[0-9]|2[0-4]|十[一二]?|[一二三四五六七八九]|二十[一二三四]?)"
_CTIME = f"{_CHOUR}[点时](?:[0-5]?[0-9]分|[一二三四五]?十[一二三四五六七八九]?分|[一二三四五六七八九]分|半)"
# Web text often puts a space on each side of a digit run: "2024 年 3 月 5 日", "共有 388 家".
_MD = (f"(?:{_MON}|{_CMON})(?:{_DSEP}(?:{_MON}|{_CMON}))? ?月份?"
       f"(?: ?(?:{_DAY}|{_CDAY})(?:{_DSEP}(?:{_DAY}|{_CDAY}))? ?[日号])?(?:\\s?{_TIME})?")

_DATES = (
    f"(?P<ymd>{_Y}[-/.]{_MON}[-/.]{_DAY}(?:\\s{{0,2}}{_TIME})?)(?![0-9])",
    f"(?P<yrange>{_Y}\\s?{_DSEP}\\s?{_Y}(?: ?年度?)?)(?![0-9])",  # 2020 至 2021 年
    f"(?P<year>(?:{_Y}|{_CY}) ?年(?:度)?(?: ?(?P<ymd2>{_MD}))?)",
    f"(?P<decade>[0-9]{{2,4}} ?年代)",
    f"(?P<md>{_MD})",
    f"(?P<day>{_DAY}日)(?!元)",
    f"(?P<time>{_TIME})(?![0-9])",
    f"(?P<ctime>{_CTIME})",
    # 3·15, 5·12: a day named by its date. Example: "3·15国际消费者权益日".
    f"(?P<mdot>{_MON}[·•]{_DAY})(?![0-9])",
    # A ratio of three or more terms, or with decimals: "3.1:50.6:46.3", "1:1.5".
    r"(?P<ratio>[0-9]+(?:\.[0-9]+)?(?:[:∶][0-9]+(?:\.[0-9]+)?){2,}|[0-9]+(?:\.[0-9]+)?[:∶][0-9]+\.[0-9]+"
    r"|[0-9]+\.[0-9]+[:∶][0-9]+(?:\.[0-9]+)?|[0-9]+[:∶][0-9])(?![0-9])",
)
# 一季度, 三季度: a quarter named without 第. Example: "一季度GDP增长5.3%".
_QUARTER = "(?P<quarter>[一二三四]季度)"

# Phone numbers and codes. Example: "021-962866", "13800138000", "400-820-8820".
_PHONE = r"(?P<phone>0[0-9]{2,3}-[0-9]{5,8}(?:-[0-9]{1,4})?|400-?[0-9]{3}-?[0-9]{4}|1[3-9][0-9]{9})(?![0-9])"
# Labels. Example: "S43", "PM2.5", "B2-2017116", "Q10", "5G", "1+4+N", "1+1>2", "1、2号线".
_LABELS = (
    r"(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)",
    r"(?P<url>(?:https?://|www\.)[A-Za-z0-9./?=&_%#:~+-]+)",
    r"(?P<formula>[0-9A-Za-z]+(?:[+×][0-9A-Za-z]+)+(?:[<>=][0-9A-Za-z]+)?)",
    r"(?P<numlab>[0-9]+(?:[、,和及][0-9]+)+号(?:线|楼|院|地块|站|口|门|馆|厅)?)",
    r"(?P<alnum>[A-Za-z]+(?:[-_][A-Za-z0-9]+)*备?[0-9][0-9A-Za-z.\-]*号?)",
)
# Tried after the number phrase, so that 10万P (a unit) is a number and 5G (none) a label.
_DIGIT_LABEL = r"(?P<alnum2>[0-9]+(?:\.[0-9]+)?[A-Za-z][A-Za-z0-9]*)"
# 十四五 / 十五五: five-year-plan names. Example: "“十四五”时期".
_PERIOD = f"(?P<period>十[一二三四五六七八九]五)(?![{_CD}{_CP}{_CS}千0-9])"
# A magnitude letter after Arabic digits: 40k, 15K (thousand), 3w, 10w+ (万, web slang), -2.5 M
# (million). Not 4K/8K (video resolution), 24K金 (carat), 100M宽带 (bandwidth), 3M公司, 5G, 10W
# (watt: a unit), 5km: there the letters are a label or a unit.
_LETTER_MAG = ("(?:(?<=[0-9])|(?<=[0-9] ))(?:k|K(?<!(?<![0-9.,])[2458]K)(?!金)|w|M(?![\u3400-\u9fff]))"
               "(?![A-Za-z0-9])")

# 百分之三十, 千分之五, 三分之一. Example: "百分之三十至四十".
# 一又二分之一: a whole number and a fraction. A unit of measure may follow (三又三分之一平方公里).
_FRACTION = (f"(?P<frac>(?:(?P<fwhole>{NUM})又)?(?P<fden>{NUM})分之(?P<fneg>[负負])?(?P<fnum>{NUM})(?P<fk>{_LETTER_MAG})?"
             f"(?:[至到~-](?P<fnum2>{NUM}))?(?P<fu>{tables().unit_pattern})?"
             "(?P<fpost>以上|以下|以内|左右|上下(?![游级班午文车楼]))?)")
# 1/3, 3/5: a fraction written with a slash (a date needs a year or 月/日; 2024/01/25 is read first).
# A whole number and a fraction: "1 3/5" (1.6).
_SLASH = r"(?P<sfrac>(?<![0-9/.])(?:(?P<sw>[0-9]{1,3}) )?(?P<sn>[0-9]{1,3})/(?P<sd>[0-9]{1,3}))(?![0-9/.A-Za-z])"
# Three or more dotted groups: a version or an address, not a decimal. Example: "1.2.3", "192.168.1.1".
_DOTTED = r"(?P<dotted>[0-9]+(?:\.[0-9]+){2,})(?![0-9])"
# Scientific notation. Example: "1.2e5", "3E-4", "1.2×10^5", "2^10" (not 5G, not a hex code 3e8f).
_SCI = (r"(?P<scin>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]{1,3}|(?:[×xX*]10)?\^[+-]?[0-9]{1,2}))"
        r"(?![0-9A-Za-z.])")


@cache
def _sci() -> str:
    """Scientific notation and the unit after it. Example: "1.2×10^5吨", "3e-4 m"."""
    return f"(?P<sci>{_SCI}(?: ?(?P<sciu>{tables().unit_pattern}))?)"
# 第58位, 第三名, 第十四届, 第一. Example: "位列第66位".
_HALF = "(?P<half>(?:半数|一半|(?<=过)半)(?P<hpost>以上|以下|左右)?)"
# Half a unit of time: "半小时", "半个月", "半年" (not 上半年 / 下半年, which are periods).
_HALF_UNIT = ("(?P<halfu>(?<![上下前后多大])半(?P<hu>小时|个小时|年|天|个月|分钟|世纪|斤|"
              "成(?![品为立功本果熟交员就长绩都效型年人])|折(?![合算扣旧叠腾射线返价让痕中衷服纸磨损现成])))")
# 半成 = 5 %; 半折 = half price, 50 % (as 五折). 半百 = fifty (年过半百: past fifty), 打对折 = 50 %.
_BANBAI = "(?P<banbai>半百(?![分万萬亿億千]))"
_DUIZHE = "(?P<duizhe>打[对對]折)"
# 万三, 万2.5: 万分之三 in the words of brokers and banks (佣金万三, 费率低至万2.5); the builder
# reads it only after a fee or rate word (13000 is 一万三, never 万三).
_WANFEN = ("(?P<wanfen>[万萬](?P<wfn>[二两三四五六七八九]|[0-9](?:\\.[0-9]{1,2})?)"
           "(?![0-9.零〇○一二两三四五六七八九十百千万萬亿億元块%]))")


@cache
def _ordinal() -> str:
    t = tables()
    words = sorted(t.rank_units | t.edition_units | t.period_units, key=lambda w: (-len(w), w))
    # 第1至3名, 第一到三批: a range of ranks or editions
    return (f"(?P<ord>第 ?(?P<on>{NUM})(?:(?P<osep>[至到~-]|—|–)第?(?P<on2>{NUM}))?"
            f"(?: ?(?P<ou>{'|'.join(map(re.escape, words))}))?)")


# 九成五: nine and a half tenths, 95 %. Example: "约三成五的企业".
_CHENG = "(?P<cheng>(?P<cx>[一二两三四五六七八九])成(?P<cy>[一二三四五六七八九半])(?![成倍万亿千百十]))"  # 三成半
_FAN = f"(?P<fan>翻了?(?P<fann>{NUM})?番)"
# A currency sign or code before the amount. Example: "¥1,234.56", "$100", "€5亿", "HK$20", "RMB 300".
_CURRENCY = (f"(?P<cur>(?P<csym>[¥￥$€£]|(?<![A-Za-z])(?:US\\$|HK\\$|NT\\$|RMB|CNY|USD|EUR|GBP|JPY|HKD))"
             f"\\s?(?P<camt>{AR}{_MAG}*)(?P<cunit>元|美元|欧元|英镑)?)(?![0-9])")


# 和/与 joins two range ends when 之间 closes the phrase: "在20和30之间", "介于5%与10%之间",
# "18岁和60岁之间" (not "20和30个": two numbers).
BETWEEN = "[和与](?=[^，。；,;\n]{1,12}?之间)"


# Between a number and its magnitude or unit: a space, or a line break right after digits (a
# wrapped line: "达到300\n亿元"; build_number refuses it for a number that starts its line).
_GAP = "(?: |(?<=[0-9]) ?\n)?"


@cache
def _number() -> str:
    """The number phrase: NUM, 余/多, magnitude, %, an optional range, a unit, 左右/以上.

    Example: "600余家", "10.1万P", "30多万人", "1至2万人", "10%-20%", "2.5个百分点", "100名以上",
    "一千几百人", "两百几十万", "一千零几十" (几 and a lower place after a place or 零).
    """
    t = tables()
    post = trie_regex({w: "(?![游级班午文车楼])" if w == "上下" else ""
                       for w in t.after if w not in ("余", "来", "几")})
    # 两个亿卢布: colloquial 个亿 before a currency is the magnitude (alone, 3个亿 is 元: a unit)
    money = sorted((w for w, u in t.units.items() if u.dim == "money" and not w.startswith("个") and not w.isascii()),
                   key=lambda w: (-len(w), w))
    geyi = f"个[亿億](?=(?:{'|'.join(money)}))"
    return (
        f"(?P<num>(?P<n1>{NUM})(?: ?(?P<a1>(?<=[零〇十拾百佰千仟万萬亿億])[几幾](?:[十百]|{_QIAN})|[余多来几幾]))?(?:{_GAP}(?P<m1>{_SECT}|{_LETTER_MAG}|{geyi}))?(?P<a2>[余多])?(?:{_GAP}(?P<p1>[%‰]))?"
        f"(?:(?P<sep>——|--|[至到~-]|—|–|{BETWEEN})(?P<n2>{NUM})(?P<m2>{_SECT}|{_LETTER_MAG})?(?P<a3>[余多])?(?P<p2>[%‰])?)?"
        f"(?:{_GAP}(?P<unit>{t.unit_pattern}))?"
        f"(?P<post>{post})?"
        # After a digit or Latin letter, no further letter or digit: 5G and B2 are labels, not 5
        # and 2; after a Chinese unit a digit may follow (20世纪90年代).
        r")(?:(?<=[0-9A-Za-z])(?![A-Za-z0-9]|\.[0-9])|(?<![0-9A-Za-z]))"
    )


@cache
def number_regex() -> re.Pattern[str]:
    """The number phrase alone (for the second end of 1万元至5万元)."""
    return re.compile(_number())


# A space inside a number phrase ("7 万5 千4 百", "百分之五 十"): quantity_spaced decides whether
# to close it up. Zero-width, so that a refusal moves the scan on by one character only.
SPACED_RUN = "零〇○一二两兩倆三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖十拾百佰千仟廿卅万萬亿億兆0123456789.,点點分之个個余多几幾成折又负負至到~"
_SPACED = f"(?P<spaced>)(?=[{SPACED_RUN}]* {{1,4}}[{SPACED_RUN}])"


@cache
def grammars_by_first_char(spaced: bool = True) -> dict[str, object]:
    """The grammar's ``match`` method cut down to the alternatives that can start with each
    character: a digit never starts 第N or S43, a Chinese numeral never starts a phone number.
    ``spaced``: try the spaced-number reading first (quantity_spaced reads the rest without it)."""
    # Lookaheads let a plain "388家" skip the date and label alternatives after one short scan.
    dates = "(?=[0-9]{1,4}\\s?[-/.年月日:∶—–~至到点时·•])(?:" + "|".join(_DATES) + ")"
    labels = ("(?=[0-9A-Za-z._%+-]*[@+×]|[0-9]+[、,和及][0-9])(?:"
              + "|".join((_LABELS[0], _LABELS[2], _LABELS[3])) + ")")
    fraction = "(?=[0-9.]+(?:分之|又))" + _FRACTION
    slash = "(?=(?:[0-9]{1,3} )?[0-9]{1,3}/[0-9])" + _SLASH
    sci = "(?=[0-9.]+(?:[eE][+-]?[0-9]|[×xX*]10\\^|\\^))" + _sci()
    dotted = "(?=[0-9]+\\.[0-9]+\\.[0-9])" + _DOTTED
    digit = (dates, _PHONE, sci, labels, dotted, fraction, slash, _number(), _DIGIT_LABEL)
    cn = (_DATES[2], _DATES[4], _DATES[7], _QUARTER, _PERIOD, _FRACTION, _HALF, _CHENG, _WANFEN, _number())
    if spaced:
        digit, cn = (_SPACED, *digit), (_SPACED, *cn)
    letter = (_CURRENCY, *_LABELS)
    table: dict[str, object] = {}
    for chars, alts in ((_DIGITS, digit), (_CD + _CP + _CS + "千", cn), (_LETTERS, letter),
                        ("第", (_ordinal(),)), ("翻", (_FAN,)), ("半", (_BANBAI, _HALF, _HALF_UNIT)), ("打", (_DUIZHE,)),
                        ("¥￥$€£", (_CURRENCY,))):
        match = re.compile("|".join(alts)).match
        for c in chars:
            table[c] = match
    return table


_DIGITS = "0123456789"
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
