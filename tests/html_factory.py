"""Hand-made runs for the HTML report tests, independent of the extractors and checks."""

from __future__ import annotations

from decimal import Decimal

from claimcheck.engine import Run, fingerprint
from claimcheck.model import Claim, Document, Finding, Group, Period, Quantity, Span

D = Decimal
PWN = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'

DOCS = {
    "a.txt": "呼和浩特市科技创新\n\n目前,呼和浩特市拥有国家级高新技术企业达到601家,科技型中小企业达到1200余家。"
             "在全国城市创新能力排名中位列第58位。智算规模突破10万P。\n",
    "b.txt": "2024年以来,首府高新技术企业总数达600余家,智算规模达到10.1万P。创新能力指数上升至全国第30位。"
             f"有读者留言:{PWN}称高企数量达到700家以上。\n",
    "c.txt": "培育国家高新技术企业609家(占全区30%)。呼和浩特市在全国城市创新能力排名中位列第66位。\n"
             "这一段落被重复印刷了两次,内容讲述科技成果转化和产业链协同发展的具体举措与成效。" + PWN + "\n"
             "中间的一段正文。\n"
             "这一段落被重复印刷了两次,内容讲述科技成果转化和产业链协同发展的具体举措与成效。" + PWN + "\n",
}


def _doc(name: str) -> Document:
    return Document(id=name, path=f"corpus/{name}", text=DOCS[name], encoding="utf-8", date="2025-01-17",
                    date_source="front-matter")


def _claim(cid: str, doc: str, text: str, low, high, *, indicator: str, entity: str = "呼和浩特",
           measure: str = "level", period: str = "2024年", li: bool = True, hi: bool = True,
           qualifier: str | None = None, value=None, unit: str = "家", nth: int = 0) -> Claim:
    body = DOCS[doc]
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    low = None if low is None else D(str(low))
    high = None if high is None else D(str(high))
    q = Quantity(text=text, start=start, end=start + len(text), value=D(str(value)) if value is not None else low,
                 low=low, high=high, unit=unit, qualifier=qualifier, low_inclusive=li, high_inclusive=hi,
                 kind="ordinal" if measure == "rank" else "number")
    return Claim(id=cid, span=Span(doc, start, start + len(text)), quote=text, quantity=q,
                 indicator=indicator, indicator_text=indicator, entity=entity,
                 period=Period(period, "2024-01-01", "2024-12-31", "explicit"), measure=measure)


def claims() -> list[Claim]:
    return [
        _claim("a:1", "a.txt", "601家", 601, 601, indicator="高新技术企业"),
        _claim("b:1", "b.txt", "600余家", 600, 700, indicator="高新技术企业", li=False, hi=False,
               qualifier="余", value=600),
        _claim("c:1", "c.txt", "609家", 609, 609, indicator="高新技术企业"),
        _claim("a:2", "a.txt", "第58位", 58, 58, indicator="城市创新能力排名", measure="rank", unit="位",
               period="2023年"),
        _claim("b:2", "b.txt", "第30位", 30, 30, indicator="城市创新能力排名", measure="rank", unit="位",
               period="2024年"),
        _claim("c:2", "c.txt", "第66位", 66, 66, indicator="城市创新能力排名", measure="rank", unit="位",
               period="2025年"),
        _claim("a:3", "a.txt", "突破10万P", 100000, None, indicator="智算规模", li=False, unit="P"),
        _claim("b:3", "b.txt", "10.1万P", 100500, 101500, indicator="智算规模", hi=False, unit="P", value=101000),
    ]


def groups() -> list[Group]:
    return [
        Group("g1", "呼和浩特", "高新技术企业", "level", "家", ("a:1", "b:1", "c:1"), "conflict"),
        Group("g2", "呼和浩特", "城市创新能力排名", "rank", "位", ("a:2", "b:2", "c:2"), "timeline"),
        Group("g3", "呼和浩特", "智算规模", "level", "P", ("a:3", "b:3"), "consistent"),
    ]


def _dup_spans() -> tuple[Span, Span]:
    body = DOCS["c.txt"]
    passage = "这一段落被重复印刷了两次,内容讲述科技成果转化和产业链协同发展的具体举措与成效。" + PWN
    first = body.index(passage)
    second = body.index(passage, first + 1)
    return Span("c.txt", first, first + len(passage)), Span("c.txt", second, second + len(passage) - 3)


def findings() -> list[Finding]:
    by_id = {c.id: c for c in claims()}
    conflict = Finding("CC101", "error", "高新技术企业 (呼和浩特, 2024年): 601家 vs 609家",
                       (by_id["a:1"].span, by_id["c:1"].span), ("a:1", "c:1"), {},
                       fingerprint("CC101", ("呼和浩特", "高新技术企业", "601", "609")))
    dup = Finding("CC201", "warning", "passage printed twice in corpus/c.txt", _dup_spans(), (),
                  {"length": 60, "similarity": 0.97}, fingerprint("CC201", ("c.txt", "dup")))
    old = Finding("CC101", "error", "an accepted old conflict", (by_id["a:1"].span,), ("a:1",), {},
                  fingerprint("CC101", ("old",)), status="baselined")
    return [conflict, old, dup]


def quantities() -> dict[str, list[Quantity]]:
    """Every claim's quantity, plus one number no claim took up."""
    out: dict[str, list[Quantity]] = {name: [] for name in DOCS}
    for c in claims():
        out[c.span.doc].append(c.quantity)
    start = DOCS["a.txt"].index("1200余家")
    out["a.txt"].append(Quantity("1200余家", start, start + 6, D(1200), D(1200), D(1300), unit="家",
                                 qualifier="余", low_inclusive=False, high_inclusive=False))
    return out


def make_run() -> Run:
    """A run over three small articles: one conflict, one timeline, one consistent group, one
    duplicated passage, one baselined finding, and article text that tries to inject markup."""
    return Run(documents=[_doc(n) for n in sorted(DOCS)], problems=[], quantities=quantities(),
               claims=claims(), groups=groups(), findings=findings())
