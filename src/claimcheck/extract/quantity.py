"""Find every number phrase in a Chinese text, with the interval its words admit.

``find_quantities(text)`` returns Quantity objects sorted by start, non-overlapping, with half-open
code-point offsets into the ORIGINAL ``text`` (normalization happens inside and spans are mapped
back), so ``text[q.start:q.end] == q.text``.

What a quantity holds (tables in ``rules/units.toml``):

- ``value``: the point reading, magnitude folded in (``3389万元`` → 33890000, unit 元, unit_text 万元).
  For a range it is the midpoint (``400至500种`` → 450); for 数十/几百 the middle of the interval.
- ``low``/``high`` (None = unbounded) with ``low_inclusive``/``high_inclusive``:
  a stated decimal admits its rounding interval (``10.1万`` → [100500, 101500)); an integer is
  exact (``601家`` → [601, 601]); 余/多/来 act on the last stated place (``600余`` → (600, 700),
  ``1.3万余`` → (13000, 14000)); 近 → [0.9v, v); 约/左右 → [0.9v, 1.1v]; 超/突破/逾 → (v, ∞);
  以上/不少于 → [v, ∞); 不足/不到 → [0, v); 以内/不超过 → [0, v]; 上百 → [100, 200);
  数十 → (10, 100); ranges ``1至2万人`` → [10000, 20000] (a magnitude on the second end is shared).
- ``kind``: number, money, percent (``30%``, ``百分之三十``, ``三成``, ``半数``), permille,
  percentage_point (``2.5个百分点``, unit pp, never %), multiplier (``2.51倍``, ``翻两番`` → 4),
  fraction (``三分之一``), ordinal (``第58位`` → unit rank, claimable; ``第十四届`` → not claimable).
  Not claims (``claimable=False``): year (``2025年``), date, time, phone, code, label (``S43``,
  ``5G``, ``PM2.5``, ``1+4+N``, ``"1571"``, ``4.0版本``, ``1、2号线``), period_name (``十四五``), email, url.
- ``direction``: the sign word before the number (``下降8.35%`` → value -8.35, direction 下降;
  positive words such as 增长 are kept with a positive value). ``负`` and ``-`` join the span.
- ``qualifier``: the qualifier word(s) as written (余, 超过, 约…左右) or the range separator.

Words written with numeral characters but holding no number (一体化, 统一, 一带一路, 长三角) are not
returned; see ``rules/numeral_words.toml``. A lone 一 before a measure word (一个, 一批) is an
article, and a bare magnitude without qualifier or unit (百姓, 千园之城, 万象城) is a word.

A bound written before a number narrows the interval a qualifier after it gives (超过600余家 →
(600, 700)); 近 before a duration is "in the last", not "nearly" (近3年 → 3 years); a number right
after 每 is the base of a rate and not claimable (每10万人口). Numbers alone on a line or in list
position (01, 一、, (二)) are labels; a lone Chinese numeral inside a word (三北, 一是) is not returned.

Forms read as one quantity: 元角分 money (三元五角 → 3.5 元, 两块五, 一百三十五块六角七分钱), a digit
after 米 (一米八 → 1.8 米), a unit and a half (两年半, 一个半小时), 成 and 折 in tenths (九成五, 八折 →
80 %, 75折 → 75 %), mixed numbers (一又二分之一), slash fractions (1/3), powers (1.2×10^5, 1.2e5),
ranges with the unit on both ends (1万元至5万元) or of ranks (第1至3名), currency signs and codes on
either side (HK$20, RMB 100, 100 USD), a scale or currency named before (华氏98.6度 → ℉, 港币500元).
A space on each side of a digit run (共有 388 家) and a line break right after digits (300\n亿元) do
not separate a number from its unit or qualifier. 万万 is 亿; traditional forms (萬 億 點 負 兩) read.

More forms (``quantity_spaced`` and the grammar): spaces inside one number are closed up where
only one compound can be meant (7 万5 千4 百 → 75400, 二十 億, 百分之五 十, 四点 五个百分点,
六 点 五 成, 1 至 2 万人, 1 000 000 with a zero-led group of three), never between two whole
numbers (2020 2021, 1 2 3, 3万 5万, 100 200 300). Magnitude letters after digits: 40k, 15K, 3w,
-2.5 M (but 4K/8K, 24K金, 100M宽带, 3M公司 are labels and 65W is watts); ``+`` after a number is
"or more" (10万+ → [100000, ∞)). A unit after scientific notation (1.2×10^5吨). 兆 is 10^12
inside a compound or before money (新台币3兆元), the prefix mega in 兆瓦/兆帕/兆赫. 半百 → 50,
半折/打对折 → 50 %, 一百零几万 → (1000000, 1100000). Money tails after digits (5元3角 → 5.3 元)
and cents of a foreign currency (两美元又三美分 → 2.03 美元); 两个亿卢布. 两 ending a numeral is the
weight unit (二两, 两万两 = 20000 两), but a digit of a pair before a word the unit cannot take
(三两天, 一两个; 三两 is two or three). A whole number before a fraction: 1 3/5, 三又一千分之二十三.
十折 is no figure; places must go down inside a numeral (一百二百 is two numbers, not 300). A unit per
another unit is a rate (7.5吨/公顷 → unit 吨/公顷, 2100元/月 → 元/月, dimension rate or price), and so is
a Chinese amount of money per one unit (两块五一斤 → 2.5 元/斤; not 一千元一次性).

Third round: a Chinese head ending in a magnitude may go on in Arabic digits (五億1萬4千6百 →
500014600, 三万5千; not after a lone magnitude, 百5万). A unit of measure after a fraction
(三又三分之一平方公里, 四分之三英里; not a count: 三分之一人口 stays a fraction). 零下 joins the span
as a sign (零下5摄氏度 → -5 ℃; 零下三度 is ℃). 和/与 joins two range ends when 之间 closes the
phrase (18岁和60岁之间 → [18, 60]). 几 with the next lower place after a place or 零 (一千几百人 →
[1100, 2000), 两百几十万, 一千零几十 → [1010, 1100)). 万三 / 万2.5 after a fee or rate word in the
same clause is 万分之三 (佣金万三 → 0.0003; not 沈万三). Bounds with 或者 (三十或者以上, 或更多,
小于或者等于). A year range may have spaces (2020 至 2021 年). A lower bound right before an
upper bound on the same unit (nothing or 、/且 between; either order) is one interval: 18岁以上、60岁以下 →
[18, 60], 大于10小于20 → (10, 20); not across a comma, not the wrong way round (60岁以上、18岁以下).

Where things live: ``numerals`` reads numerals; ``quantity_grammar`` is the regular grammar;
``quantity_plain`` reads plain digit phrases (388家) fast; ``quantity_number`` reads the general
number phrase; ``quantity_spaced`` a number with spaces inside; ``quantity_build`` the other
shapes (fractions, ordinals, dates, labels);
``quantity_tables`` loads ``rules/units.toml`` and ``rules/numeral_words.toml``.

Speed: one precompiled character class finds candidate starts; the grammar is tried only there,
and Python does work only per match (see docs/performance.md).
"""

from __future__ import annotations

import gc
import re

from ..model import Quantity
from ..normalize import normalize
from .quantity_build import BUILDERS, clean
from .numerals import read_cn_decimal, read_numeral
from .quantity_number import build_number, clear_number_cache
from .quantity_plain import QUAL_LAST, SIGN_LAST, clear_plain_cache, plain_hit, plain_search
from .quantity_grammar import SPACED_RUN, START, grammars_by_first_char
from .quantity_spaced import build_spaced
from .quantity_tables import tables, trie_regex, unit_guards

__all__ = ["find_quantities", "clear_caches"]

# A numeral run continues with these: a word from the lexicon must end where the run ends.
_RUN_CHARS = frozenset("零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億廿卅点0123456789")


# A run with a space inside (7 万5 千): quantity_spaced reads it whole and 4 characters past it.
_SPACED_RUN = re.compile(f"[{SPACED_RUN}]* {{1,4}}[{SPACED_RUN}]+(?: {{1,4}}[{SPACED_RUN}]+)*")
_NUMERAL_RUN = re.compile("[零〇○一二两兩三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億廿卅]+")
_UNIT_RE = re.compile(tables().unit_pattern)
# Bigrams that can start a lexicon word's numeral run: (char before, numeral) and (numeral, char after).
_PREV_KEYS = frozenset(k for k, v in tables().skip_index.items() if any(off > 0 for off, _ in v))
_NEXT_KEYS = frozenset(k for k, v in tables().skip_index.items() if any(off == 0 for off, _ in v))
_SKIP_AT = frozenset(w[off] for entries in tables().skip_index.values() for off, w in entries)


def _skip_word(t: str, p: int, floor: int) -> int:
    """End of a numeral-bearing word (统一, 一体化, 四梁八柱) that covers position ``p``, else 0."""
    index = tables().skip_index
    for key, need_prev in ((t[p - 1:p + 1] if p else "", True), (t[p:p + 2], False)):
        for offset, word in index.get(key, ()):
            if (offset > 0) != need_prev:
                continue
            s = p - offset
            if s >= floor and t.startswith(word, s):
                e = s + len(word)
                if (t[e:e + 1] not in _RUN_CHARS or word[-1] not in _RUN_CHARS) and not _unit_runs_past(t, p, e):
                    return e
    return 0


def _unit_runs_past(t: str, p: int, e: int) -> bool:
    """A unit after the numeral run that ends beyond the word: 三公里 is not 三公, 一度电 not 一度."""
    run = _NUMERAL_RUN.match(t, p)
    if run is None:
        return False
    unit = _UNIT_RE.match(t, run.end())
    return unit is not None and unit.end() > e


def _scan(t: str) -> list[tuple]:
    """All hits in normalized text ``t``, left to right, never overlapping."""
    hits: list[tuple] = []
    search = _SEARCH.search if _PLAIN_ON else START.search
    memo = _MEMO
    memo_get = memo.get
    memo_chars = _MEMO_CHARS if _MEMO_ON else ""
    n = len(t)
    pos = floor = 0
    while True:
        m = search(t, pos)
        if m is None:
            return hits
        p = m.start()
        c = t[p]
        if c in memo_chars and t[p + 1:p + 2] not in _DIGITS:
            # The same words in the same surroundings give the same answer: 十四五, 第一, 统一,
            # 百余名 recur in every article. See _candidate for what the key must hold. (Not
            # before a digit, 第58位: the digits differ from one phrase to the next.)
            d = p - floor
            left = t[p - _LEFT:p] if p >= _LEFT else t[:p]
            d = d if d < _LEFT else _LEFT
            r = memo_get((left, d, t[p:p + _RIGHT]) if p + _RIGHT < n else (left, d, t[p:], _END))
            if r is _LONGER:
                r = memo_get((left, d, t[p:p + _RIGHT_LONG]) if p + _RIGHT_LONG < n else (left, d, t[p:], _END))
            if r is None or r is _LONGER:
                r = _remember(t, p, floor, left, d)
            step, rel = r[0], r[1]
            if rel is None:
                pos = p + step
            else:
                hits.append((p + rel[0], p + rel[1]) + rel[2])
                pos = floor = p + step
            continue
        if m.lastindex:  # the search read a plain phrase (388家)
            hit = plain_hit(m, t, floor)
            if hit is not None:
                hits.append(hit)
                pos = floor = hit[1]
                continue
        hit, pos = _general(t, p, floor)
        if hit is not None:
            hits.append(hit)
            floor = pos


def _general(t: str, p: int, floor: int) -> tuple[tuple | None, int]:
    """The hit starting at candidate ``p`` (or None) and where the scan goes on."""
    c = t[p]
    if c in _SKIP_AT and (t[p - 1:p + 1] in _PREV_KEYS or t[p:p + 2] in _NEXT_KEYS):
        word_end = _skip_word(t, p, floor)
        if word_end:
            return None, word_end
    g = _GRAMMARS[c](t, p)
    if g is None:
        return None, p + 1
    hit = _BUILDERS[g.lastgroup](g, t, floor)
    if hit is None or hit[1] <= hit[0]:
        return None, max(g.end(), p + 1)
    return hit, hit[1]


# The memo's key: the _LEFT characters before the candidate, its distance to the end of the
# previous hit (capped at _LEFT), and the _RIGHT characters from it (_RIGHT_LONG when an answer
# read further). Everything a non-digit candidate's answer reads lies in that window: qualifier
# and sign words (at most 6 + 4 characters back), the rank context (10 before the qualifier), the
# character before a sign; the match itself, and what a failed longer alternative (a unit, a
# qualifier after) or the builder looked at after it (_REACH).
_LEFT = 16
_RIGHT = 18
_RIGHT_LONG = 40
_REACH = 14
_END = "end"  # a fourth key part when the text ends inside the window ("...创" ending a text
# must not share a key with the same 18 characters followed by more text)
_LONGER = (0, None, 0)  # in the short-key memo: this window's answer reads further, use the long key
_MEMO: dict[tuple, tuple] = {}
_MEMO_MAX = 100_000
_MEMO_ON = True
# Chinese numerals, 第, 翻, 半: bounded grammars. Digits (the label lookahead and the alone-on-a-
# line rule read far) and Latin letters (e-mail, URL) are not memoized.
_DIGITS = frozenset("0123456789")
_MEMO_CHARS = frozenset("零〇○一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖十拾百佰仟廿卅万萬亿億千第翻半")


def _remember(t: str, p: int, floor: int, left: str, d: int) -> tuple:
    """Compute a candidate's answer and store it under the shortest key that determines it.

    Two texts that agree on a window agree on every answer that reads only inside it, so a
    window is never both "answered" and "read further". Nothing reads the value of a digit
    before a memoized candidate (only whether it is a digit: 5一 and 8一 read alike), so the
    answer is also stored, and looked for, under the left part with its digits masked: in
    "增长12.5%，十四五" and "增长47.1%，十四五", 十四五 is read once.
    """
    masked = left.translate(_MASK_DIGITS)
    if masked != left:
        r = _lookup(t, p, masked, d)
        if r is not None:
            return r
    r = _candidate(t, p, floor)
    if len(_MEMO) >= _MEMO_MAX:
        _MEMO.clear()
    _store(t, p, left, d, r)
    if masked != left:
        _store(t, p, masked, d, r)
    return r


_MASK_DIGITS = str.maketrans("123456789", "000000000")


def _lookup(t: str, p: int, left: str, d: int) -> tuple | None:
    """The memoized answer for this window, or None (as the scan looks it up)."""
    n = len(t)
    r = _MEMO.get((left, d, t[p:p + _RIGHT]) if p + _RIGHT < n else (left, d, t[p:], _END))
    if r is _LONGER:
        r = _MEMO.get((left, d, t[p:p + _RIGHT_LONG]) if p + _RIGHT_LONG < n else (left, d, t[p:], _END))
    return None if r is _LONGER else r


def _store(t: str, p: int, left: str, d: int, r: tuple) -> None:
    n = len(t)
    if p + _RIGHT >= n:  # the window holds the rest of the text: the key is exact
        _MEMO[(left, d, t[p:], _END)] = r
    elif r[2] <= p + _RIGHT:
        _MEMO[(left, d, t[p:p + _RIGHT])] = r
    elif r[2] <= p + _RIGHT_LONG or p + _RIGHT_LONG >= n:
        _MEMO[(left, d, t[p:p + _RIGHT])] = _LONGER
        _MEMO[(left, d, t[p:p + _RIGHT_LONG]) if p + _RIGHT_LONG < n else (left, d, t[p:], _END)] = r


def _candidate(t: str, p: int, floor: int) -> tuple[int, tuple | None, int]:
    """A candidate's answer relative to ``p``: (step, (start - p, end - p, the other fields) or
    None, reach).

    ``reach`` bounds the text the answer depends on; beyond ``p + _RIGHT`` it is not memoized.
    """
    hit, pos = _general(t, p, floor)
    run = _NUMERAL_RUN.match(t, p)  # a failed alternative may have read the whole run
    spaced = _SPACED_RUN.match(t, p)
    reach = max(pos, run.end() if run else p + 1, spaced.end() + 4 if spaced else 0, hit[1] if hit else 0) + _REACH
    if hit is None:
        return pos - p, None, reach
    return pos - p, (hit[0] - p, hit[1] - p, tuple(hit[2:])), reach


def _lone_numeral() -> str:
    """A negative lookahead for the search, tried after a Chinese numeral: true when the numeral
    stands alone inside a word, so that the regex engine skips it without a call (and after a
    Latin letter inside a word).

    Example: 一 in "更一步", 三 in "“三北”", 百 in "千园之城", 打 in "打造" (not 一 in "一个", "统一",
    "约一半", "负一", nor 打 in "打对折").
    The scan would find nothing there either: a lone numeral between Chinese characters is no
    number (``quantity_number._bare``) unless a qualifier or sign word comes before it (the
    characters they end with, a space), a numeral word may cover it (any character that forms
    one of the lexicon's bigrams with a numeral), or the next character may continue it: a
    numeral, a unit, a qualifier after (余, 以上), a range, date or time word (至, 年, 月, 点), a
    fraction (分之, 又), 半, 成, 倍, 番, 季. Only character classes, so the engine tests them fast.
    """
    t = tables()
    numerals = "".join(sorted(_MEMO_CHARS - set("第翻半")))
    before = set(QUAL_LAST) | set(SIGN_LAST) | set(_RUN_CHARS) | set(numerals) | set(" .-负負")
    before |= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz第翻半")
    before |= {k[0] for k in _PREV_KEYS if k[1] in numerals}
    after = set(numerals) | set(_RUN_CHARS) | {u[0] for u in t.units} | {w[0] for w in t.after}
    after |= set("余多来几幾至到年月日号点點时時季分又半成倍番")
    after |= {k[1] for k in _NEXT_KEYS if k[0] in numerals}
    # A Latin letter after another is skipped too: every label, code or e-mail address that
    # matches inside a run of letters also matches from its first letter, except a URL (www., http).
    letters = "(?<=[A-Za-z][A-Za-z])(?<![hw])"
    # The numeral first (one test fails every other candidate), then the character before it.
    # 打 starts only 打对折 (打造, 打开: 2 % of all candidates in news, none a number).
    da = "(?<=打)(?![对對]折)"
    return (f"(?!{letters}|{da}|(?<=[{numerals}])(?<=[^{_chars(before)}].)"
            f"[\\u4e00-\\u9fff](?<![{_chars(after)}])|{_numeral_words()})")


def _numeral_words() -> str:
    """The lookahead's part for numeral words that start with their only numeral (百强, 千园之城,
    一刻钟): the scan would skip the word (``_skip_word``) and find no candidate inside it.

    Exactly where ``_skip_word`` skips: no word of the lexicon may cover the numeral from
    before it (the bigram with the character before: those are tried first), the word matches,
    does not run on into a numeral, and no longer unit runs past its end (一度 is no word in
    一度电). A bigram is used only when every word it starts has no other candidate character.
    Example: for 百, "(?<=百)(?<![…]百)(?:姓|强(?!…))".
    """
    guards = unit_guards(tables().units)
    by_numeral: dict[str, dict[str, str]] = {}
    for key, entries in sorted(tables().skip_index.items()):
        words = [w for off, w in entries if off == 0]
        if not words or any(START.match(c) for w in words for c in w[1:]):
            continue
        for w in words:
            longer = [u for u in tables().units if len(u) > len(w) - 1 and u.startswith(w[1:])]
            guard = "|".join(re.escape(u[len(w) - 1:]) + guards[u] for u in longer)
            guard = (f"(?!{guard})" if guard and _NUMERAL_RUN.match(w) else "")
            guard += f"(?![{_chars(_RUN_CHARS)}])" if w[-1] in _RUN_CHARS else ""
            by_numeral.setdefault(w[0], {})[w[1:]] = guard
    branches = []
    frequent = "一百千万十两三"  # the engine tries the branches in order: the most frequent first
    order = sorted(by_numeral, key=lambda c: (c not in frequent, frequent.find(c)))
    for c, words in ((c, by_numeral[c]) for c in order):
        before = {k[0] for k in _PREV_KEYS if k[1] == c}
        not_after = f"(?<![{_chars(before)}]{re.escape(c)})" if before else ""
        branches.append(f"(?<={re.escape(c)}){not_after}{trie_regex(words)}")
    # One class test first: a digit or letter candidate fails it at once.
    return f"(?<=[{_chars(set(by_numeral))}])(?:{'|'.join(branches)})" if branches else "(?!)"


def _chars(chars: set[str]) -> str:
    """The inside of a character class that holds ``chars``."""
    return re.escape("".join(sorted(chars)))


_BUILDERS = {**BUILDERS, "num": build_number, "spaced": build_spaced}
_SEARCH = plain_search(START.pattern, _lone_numeral())
_PLAIN_ON = True  # off: every digit goes through the grammar (the test that both agree)
_GRAMMARS = grammars_by_first_char()


def clear_caches() -> None:
    """Forget memoized readings (for benchmarks that must not profit from an earlier run)."""
    clear_number_cache()
    clear_plain_cache()
    _MEMO.clear()
    read_numeral.cache_clear()
    read_cn_decimal.cache_clear()


class _Draft:
    """A mutable twin of Quantity (same slots, same order): filled in, then turned into a Quantity.

    A frozen dataclass's ``__init__`` sets each of its 15 fields through ``object.__setattr__``
    (about 2 µs a quantity); filling these plain slots and assigning ``__class__`` (allowed
    between classes of the same layout) builds the same object in a third of the time.
    """

    __slots__ = ("text", "start", "end", "value", "low", "high", "unit", "dimension", "qualifier",
                 "kind", "claimable", "low_inclusive", "high_inclusive", "direction", "unit_text")


def _make_quantity(text: str, h: tuple) -> Quantity:
    """The same object as ``Quantity(text, *h)``."""
    q = _new(_Draft)
    q.text = text
    (q.start, q.end, q.value, q.low, q.high, q.unit, q.dimension, q.qualifier, q.kind, q.claimable,
     q.low_inclusive, q.high_inclusive, q.direction, q.unit_text) = h
    q.__class__ = Quantity
    return q


def _quantity_factory() -> object:
    """``_make_quantity`` when Quantity still has exactly _Draft's slots, else the constructor."""
    if getattr(Quantity, "__slots__", None) != _Draft.__slots__ or hasattr(Quantity, "__weakref__"):
        return lambda text, h: Quantity(text, *h)
    return _make_quantity


_new = object.__new__
_make = _quantity_factory()


# What may stand between a lower and an upper bound of one interval: "18岁以上、60岁以下",
# "大于10小于20", "超过100家且不足200家" (not a comma: "A超过100亿元，B不到500亿元" are two claims).
_BOUND_GLUE = frozenset(("", "、", " ", "且", "并且", "而", "但", "但是"))


def _join_bounds(hits: list[tuple], t: str) -> list[tuple]:
    """A lower and an upper bound side by side on the same unit, in either order, are one
    interval: "18岁以上、60岁以下" → [18, 60], "不超过200人不少于100人" → [100, 200]."""
    out: list[tuple] = []
    i, n = 0, len(hits)
    while i < n:
        h = hits[i]
        # fields: 0 start, 1 end, 2 value, 3 low, 4 high, 5 unit, 7 qualifier, 8 kind, 9 claimable, 12 direction
        if h[7] and h[9] and i + 1 < n and (h[4] is None or h[3] == 0):
            g = hits[i + 1]
            lo, up = (h, g) if h[4] is None else (g, h)
            if (lo[4] is None and lo[3] is not None and up[3] == 0 and up[4] is not None and g[7] and g[9]
                    and g[12] is None and g[5] == h[5] and g[8] == h[8] and lo[3] < up[4]
                    and t[h[1]:g[0]].strip(" ") in _BOUND_GLUE):
                value = clean((lo[3] + up[4]) / 2)
                out.append((h[0], g[1], value, lo[3], up[4], h[5], h[6], f"{h[7]}…{g[7]}", h[8], True,
                            lo[10], up[11], h[12], h[13]))
                i += 2
                continue
        out.append(h)
        i += 1
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every number phrase in ``text`` (see the module docstring), sorted and non-overlapping."""
    if not gc.isenabled():
        return _find(text)
    # The scan makes no reference cycles, only many short-lived tuples and the results: the
    # collector's passes over them (and over whatever the caller keeps, 10-45 ms a benchmark
    # run) find nothing to free. Collection resumes as soon as the scan returns.
    gc.disable()
    try:
        return _find(text)
    finally:
        gc.enable()


def _find(text: str) -> list[Quantity]:
    """find_quantities without touching the garbage collector."""
    norm = normalize(text)
    hits = _scan(norm.text)
    if len(hits) > 1:
        hits = _join_bounds(hits, norm.text)
    make = _make
    if norm.to_original is None:  # offsets are the same in both texts
        return [make(text[h[0]:h[1]], h) for h in hits]
    out: list[Quantity] = []
    for h in hits:
        start, end = norm.span(h[0], h[1])
        out.append(make(text[start:end], (start, end, *h[2:])))
    return out
