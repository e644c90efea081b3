"""Date parsing: machine dates (ISO 8601 and friends), visible dates, dates in URLs.

Everything here is a pure function of its input and never raises on bad text.
Results follow the Article contract: a timezone-aware `datetime` when the text gives
a time and a zone, a naive `datetime` when it gives a time without a zone, a `date`
when it gives only the day, and None when it gives no full day we trust.
"""

from __future__ import annotations

import datetime as _dt
import re

from cleannews.lang import METADATA as _LANG
from cleannews.lang import merged_metadata

_W = merged_metadata()

DateValue = _dt.datetime | _dt.date

#: Earliest year we accept: the web's news archives start in the mid-1990s
#: (htmldate uses the same floor, 1995-01-01).
MIN_YEAR = 1995
#: How far into the future a date may lie (time zones, pages stamped ahead of time).
MAX_FUTURE = _dt.timedelta(days=2)

#: Time zone abbreviations, in minutes east of UTC. Ambiguous ones take the reading
#: news pages mean most often: IST is India (the issue's example), CST is US Central,
#: BST is British Summer Time. Sources: IANA tz database abbreviations.
TZ_OFFSETS: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0,
    "BST": 60, "IST": 330, "CET": 60, "CEST": 120, "MEZ": 60, "MESZ": 120, "WEST": 60,
    "EET": 120, "EEST": 180, "MSK": 180, "SAST": 120, "CAT": 120, "EAT": 180, "WAT": 60,
    "PKT": 300, "NPT": 345, "ICT": 420, "WIB": 420, "HKT": 480, "SGT": 480, "PHT": 480,
    "AWST": 480, "JST": 540, "KST": 540, "ACST": 570, "ACDT": 630, "AEST": 600, "AEDT": 660,
    "NZST": 720, "NZDT": 780,
    "EST": -300, "EDT": -240, "ET": -300, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600, "AST": -240, "ADT": -180,
    "NST": -210, "NDT": -150, "BRT": -180, "ART": -180,
}

#: Month names and common abbreviations in the languages of the evaluation corpora:
#: each language's `MetadataWords.months` (`cleannews.lang`), per month. Lower-case,
#: accents kept; keys are matched as whole words.
_MONTH_LISTS: tuple[tuple[str, ...], ...] = tuple(
    tuple(name for words in _LANG.values() if words.months for name in words.months[i].split()) for i in range(12)
)
MONTHS: dict[str, int] = {name: i + 1 for i, names in enumerate(_MONTH_LISTS) for name in names}

_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_TZ_RE = "|".join(sorted(TZ_OFFSETS, key=len, reverse=True))

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?(?!\d))?)?"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$")
# A time is no part of a dotted date: in "06.10.2023" neither "06.10" nor "10.20" is a time.
_TIME = re.compile(
    r"(?<![\d:.])(\d{1,2})(?:[:h.](\d{2}))(?::(\d{2}))?(?!\.?\d)\s*(a\.?m\.?|p\.?m\.?)?"
    # a zone name, unless an offset follows it ("GMT+7" is +07:00, not GMT)
    r"(?:\s*(?:\(?(" + _TZ_RE + r")\)?(?![A-Za-z]|\s*[+-]\d)|\(?(?:UTC|GMT)?\s*([+-]\d{1,2}(?::?\d{2})?)(?!\d)\)?))?",
    re.IGNORECASE,
)
_TIME_AMPM = re.compile(r"(?<![\d:])(\d{1,2})\s*(a\.?m\.?|p\.?m\.?)(?:\s*(" + _TZ_RE + r")(?![A-Za-z]))?", re.IGNORECASE)
# "January 6th, 2025", "Jan. 6 2025"
_MDY = re.compile(r"\b(" + _MONTH_RE + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\.?,?\s+(\d{4})\b", re.IGNORECASE)
# "6 January 2025", "6. Januar 2025", "6th of January, 2025", "6 de enero de 2025"; the day
# may follow a label glued to it by the markup ("Original Research7 April 2020").
_DMY = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s*(?:of\s+|de\s+)?(" + _MONTH_RE + r")\.?,?\s+(?:de\s+)?(\d{4})\b", re.IGNORECASE
)
_YMD_TEXT = re.compile(r"\b(\d{4})\.?\s+(" + _MONTH_RE + r")\.?\s+(\d{1,2})\b", re.IGNORECASE)
# 06.01.2025 / 06/01/2025 / 2025/01/06
# German style puts a space after the dots ("4. 2. 2022"); a sentence's full stop may end it.
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([./-]|\.\s)(\d{1,2})\2(\d{4})(?![\d/-]|\.\d)")
_NUMERIC_YMD = re.compile(r"(?<![\d/.-])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d/.-])")

#: Dates in a URL path: /2019/01/03/, /2019-01-03-, /20190103/ (htmldate's url patterns).
#: A one-digit day must end its path segment: in "/2023/10/3-fragen-an" the 3 starts
#: the slug, it is not a day. A day-first date ends a segment: "/meldungen/29-10-2021".
_URL_DATE = re.compile(
    r"[/_-](\d{4})([/_-])(\d{1,2})\2(\d{2}|\d(?=/|$))(?:[/_.-]|$)|[/_-](\d{4})(\d{2})(\d{2})(?:[/_.-]|$)"
)
_URL_DATE_DMY = re.compile(r"/(\d{1,2})([._-])(\d{1,2})\2(\d{4})(?:/|\.html?|$)")

#: Words that mark a date as the modification date, not the publication date.
MODIFIED_WORDS = re.compile(
    r"\b(" + "|".join(_W.modified_words) + r")\b",
    re.IGNORECASE,
)
#: Words that mark a date as the publication date when a line gives more than one
#: ("Written: 2023-11-07 15:03 / Updated: 2023-11-07 15:30", "Published ... Updated ...").
PUBLISHED_WORDS = re.compile(
    r"\b(?:" + "|".join(_W.published_words) + r")\b",
    re.IGNORECASE,
)
#: Labels in front of a visible date, stripped before parsing.
_LABEL = re.compile(
    r"^\s*(?:" + "|".join(_W.date_labels) + r")\s*:?\s*",
    re.IGNORECASE,
)


def _valid_day(y: int, m: int, d: int, today: _dt.date | None = None) -> _dt.date | None:
    try:
        value = _dt.date(y, m, d)
    except ValueError:
        return None
    today = today or _dt.date.today()
    if value.year < MIN_YEAR or value > today + MAX_FUTURE:
        return None
    return value


def _tz(offset: str | None) -> _dt.timezone | None:
    if not offset:
        return None
    up = offset.upper()
    if up in TZ_OFFSETS:
        return _dt.timezone(_dt.timedelta(minutes=TZ_OFFSETS[up]))
    m = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", offset)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return _dt.timezone(_dt.timedelta(minutes=-minutes if m.group(1) == "-" else minutes))


def _combine(day: _dt.date, hh: int, mm: int, ss: int, tz: _dt.timezone | None) -> DateValue:
    if not (0 <= hh < 24 and 0 <= mm < 60 and 0 <= ss < 60):
        return day
    return _dt.datetime(day.year, day.month, day.day, hh, mm, ss, tzinfo=tz)


def parse_iso(text: str | None) -> DateValue | None:
    """Parse a machine-readable date (ISO 8601, `YYYYMMDD`, a date with a time and offset).

    Used for JSON-LD, meta `content` and `<time datetime>` values. A midnight time
    with no zone (`2020-01-01T00:00:00`) is kept as given. Returns None when the
    value holds no plausible full day.
    """
    if not text or not isinstance(text, str):
        return None
    s = text.strip()[:64]
    m = _ISO.search(s)
    if m:
        day = _valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is None:
            return None
        if m.group(4) is None:
            return day
        return _combine(day, int(m.group(4)), int(m.group(5)), int(m.group(6) or 0), _tz(m.group(7)))
    m = _COMPACT.match(s)
    if m:
        day = _valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is None or m.group(4) is None:
            return day
        return _combine(day, int(m.group(4)), int(m.group(5)), int(m.group(6) or 0), None)
    return parse_date_text(s)


def _find_time(text: str) -> tuple[int, int, int, _dt.timezone | None] | None:
    for m in _TIME.finditer(text):
        hh, mm, ss = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        ampm = (m.group(4) or "").lower().replace(".", "")
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
        if hh > 23 or mm > 59:
            continue
        return hh, mm, ss, _tz(m.group(5) or m.group(6))
    am_pm = _TIME_AMPM.search(text)
    if am_pm:
        hh = int(am_pm.group(1)) % 12 + (12 if am_pm.group(2).lower().startswith("p") else 0)
        return hh, 0, 0, _tz(am_pm.group(3))
    return None


def _find_day(text: str, dayfirst: bool | None) -> tuple[_dt.date, int, int] | None:
    """The first full day in `text`, with the span it covers."""
    found: list[tuple[int, int, _dt.date]] = []
    m = _ISO.search(text)
    if m:
        d = _valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), m.start() + 10, d))
    for rx, order in ((_MDY, "mdy"), (_DMY, "dmy"), (_YMD_TEXT, "ymd")):
        m = rx.search(text)
        if not m:
            continue
        g = m.groups()
        if order == "mdy":
            mon, dd, yy = MONTHS.get(g[0].lower()), int(g[1]), int(g[2])
        elif order == "dmy":
            dd, mon, yy = int(g[0]), MONTHS.get(g[1].lower()), int(g[2])
        else:
            yy, mon, dd = int(g[0]), MONTHS.get(g[1].lower()), int(g[2])
        d = _valid_day(yy, mon, dd) if mon else None
        if d:
            found.append((m.start(), m.end(), d))
    m = _NUMERIC_YMD.search(text)
    if m:
        d = _valid_day(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if d:
            found.append((m.start(), m.end(), d))
    m = _NUMERIC.search(text)
    if m:
        a, b, yy = int(m.group(1)), int(m.group(3)), int(m.group(4))
        # Dots and dashes are day-first nearly everywhere; slashes are month-first in
        # US English unless the first number cannot be a month.
        first_is_day = dayfirst if dayfirst is not None else (m.group(2) != "/")
        if a > 12:
            first_is_day = True
        elif b > 12:
            first_is_day = False
        d = _valid_day(yy, b, a) if first_is_day else _valid_day(yy, a, b)
        if d:
            found.append((m.start(), m.end(), d))
    if not found:
        return None
    start, end, d = min(found, key=lambda x: x[0])
    return d, start, end


def parse_date_text(text: str | None, *, dayfirst: bool | None = None) -> DateValue | None:
    """Parse a date written for people, as pages and dumps show it.

    Handles labels ("Published", "Updated", "Posted on", a few localized ones),
    month names in a dozen languages ("January 6th 2025", "6. Januar 2025",
    "6 de enero de 2025"), numeric forms (ISO, 06.01.2025, 01/06/2025: slashes read
    month-first unless `dayfirst` says otherwise or the first number is above 12),
    and a time with an optional zone abbreviation or offset ("13:25 IST",
    "1:25 p.m. EST", "14h05", "10:00 GMT+2").

    >>> parse_date_text("Published 13:25 IST, January 6th 2025")
    datetime.datetime(2025, 1, 6, 13, 25, tzinfo=datetime.timezone(datetime.timedelta(seconds=19800)))

    Returns a `date` when only the day is given, a naive `datetime` for a time
    without zone, an aware one with a zone, None when no plausible full day is found
    (relative dates like "3 hours ago" are not resolved). Never raises.
    """
    if not text or not isinstance(text, str):
        return None
    try:
        s = " ".join(text.split())[:200]
        s = _LABEL.sub("", s)
        found = _find_day(s, dayfirst)
        if found is None:
            return None
        day, start, end = found
        rest = s[:start] + " " + s[end:]
        # The time must sit near the day ("13:25 IST, January 6th 2025", "Jan 6, 2025 1:25 PM").
        t = _find_time(rest)
        if t is None:
            return day
        return _combine(day, t[0], t[1], t[2], t[3])
    except (ValueError, OverflowError):  # a day or time the calendar does not have
        return None


def date_from_url(url: str | None) -> _dt.date | None:
    """The full day a URL path spells (/2019/01/03/, /2019-01-03-slug, /20190103/), else None."""
    if not url:
        return None
    try:
        path = url.split("://", 1)[-1]
        path = path[path.find("/"):] if "/" in path else ""
        path = path.split("?", 1)[0].split("#", 1)[0]
        for m in _URL_DATE.finditer(path):
            g = m.groups()
            y, mo, d = (g[0], g[2], g[3]) if g[0] else (g[4], g[5], g[6])
            value = _valid_day(int(y), int(mo), int(d))
            if value:
                return value
        for m in _URL_DATE_DMY.finditer(path):
            value = _valid_day(int(m.group(4)), int(m.group(3)), int(m.group(1)))
            if value:
                return value
    except (ValueError, TypeError):
        return None
    return None


def split_labelled_dates(text: str, *, dayfirst: bool | None = None) -> tuple[DateValue | None, DateValue | None]:
    """(published, modified) of a visible date line that may give both.

    The line is cut at its labels: a part under an update label ("Updated",
    "Aktualisiert", ...) gives the modification date, a part under a publication
    label, or the part before any label, gives the publication date. So
    "Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC" is published on
    the 6th and modified on the 7th, and "January 19, 2020 / 12:25 PM / Updated 8
    hours ago" is published on the 19th (the relative update is not resolved).
    """
    if not text or not isinstance(text, str):
        return None, None
    s = " ".join(text.split())[:200]
    cuts = sorted(
        [(m.start(), m.end(), False) for m in PUBLISHED_WORDS.finditer(s)]
        + [(m.start(), m.end(), True) for m in MODIFIED_WORDS.finditer(s)]
    )
    if not cuts:
        return parse_date_text(s, dayfirst=dayfirst), None
    published = modified = None
    # the part before the first label reads as the publication date
    if cuts[0][0] > 0:
        published = parse_date_text(s[: cuts[0][0]], dayfirst=dayfirst)
    for i, (_start, end, is_mod) in enumerate(cuts):
        part = s[end: cuts[i + 1][0] if i + 1 < len(cuts) else len(s)]
        d = parse_date_text(part, dayfirst=dayfirst)
        if d is None:
            continue
        if is_mod:
            modified = modified or d
        else:
            published = published or d
    return published, modified


def has_ambiguous_numeric(text: str) -> bool:
    """True when `text` holds a numeric date that reads as two days ("08/11/2023")."""
    for m in _NUMERIC.finditer(text[:200]):
        a, b = int(m.group(1)), int(m.group(3))
        if a != b and 1 <= a <= 12 and 1 <= b <= 12:
            return True
    return False


#: Regions whose English writes numeric dates month first (CLDR short date formats:
#: the US and the territories and countries that follow its usage). English elsewhere
#: (en-GB, en-IE, en-IN, en-AU...) and other languages write the day first, or the year
#: first, which the year-first pattern reads whatever the order.
_MONTH_FIRST_REGIONS = frozenset({"us", "ph", "ca", "as", "gu", "mp", "pr", "um", "vi", "fm", "mh", "pw"})


def dayfirst_for_language(lang: str | None) -> bool | None:
    """How a page in language `lang` ("en-GB", "fr", "en_US") orders d/m numbers: True
    for day first, False for month first (US English), None when the tag does not say
    (no tag, or a bare "en")."""
    if not lang or not isinstance(lang, str):
        return None
    parts = lang.strip().lower().replace("_", "-").split("-")
    if not parts[0] or not parts[0].isalpha():
        return None
    if parts[0] != "en":
        return True
    if len(parts) < 2 or len(parts[1]) != 2:
        return None
    return parts[1] not in _MONTH_FIRST_REGIONS


def day_of(value: DateValue | None) -> _dt.date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, _dt.datetime) else value
