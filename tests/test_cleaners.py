"""The cleaner API: function cleaners, registration, ordering, per-call add/disable."""

from __future__ import annotations

import warnings
from importlib.metadata import EntryPoint

import pytest

from cleannews import extract
from cleannews.cleaners.base import SITE_PRIORITY, Cleaner, cleaner
from cleannews.cleaners.registry import (
    ENTRY_POINT_GROUP,
    Registry,
    builtin_entry_points,
    registered_cleaners,
    resolve,
)
from cleannews.errors import CleanerError
from cleannews.models import Removal
from cleannews.pipeline import run

PARAS = [
    "The harbour authority confirmed on Monday that the dredging of the northern channel will begin in May and last for six weeks.",
    "PROMO: Subscribe to the Gazette for one pound a week and read every story on every device.",
    "Fishing boats will use the southern channel while the work goes on, the authority said in a statement to members.",
    "Local traders said they expected little disruption, although two ferry sailings a day will be moved to the evening.",
]
PAGE = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>"


def promo_lines(doc, removed):
    return [(b.index, "promo line") for b in doc.blocks if b.text.startswith("PROMO:")]


def ep(name: str, value: str) -> EntryPoint:
    return EntryPoint(name=name, value=value, group=ENTRY_POINT_GROUP)


def test_function_cleaner_removes_with_a_reason_and_its_name():
    c = Cleaner.from_function("test.promo", promo_lines)
    assert isinstance(c, Cleaner) and c.name == "test.promo" and not c.is_site
    trace = run(PAGE, cleaners=[c])
    removal = trace.removed[1]
    assert removal == Removal(1, "test.promo", "promo line")
    assert "PROMO" not in trace.article.body


def test_function_cleaner_return_forms_are_normalised():
    def forms(doc, removed):
        yield 0
        yield (1, "pair")
        yield Removal(2, "someone-else", "full", role="byline")

    trace = run(PAGE, cleaners=[Cleaner.from_function("test.forms", forms), "-generic.furniture"])
    assert trace.removed[0].cleaner == "test.forms" and "forms" in trace.removed[0].reason
    assert trace.removed[1].reason == "pair"
    assert trace.removed[2] == Removal(2, "test.forms", "full", role="byline")

    with pytest.raises(CleanerError):
        run(PAGE, cleaners=[Cleaner.from_function("test.bad", lambda d, r: ["nonsense"])])


def test_decorator_and_domains_gate_a_function_cleaner():
    @cleaner("test.gazette", domains=("gazette.example",))
    def gazette(doc, removed):
        return promo_lines(doc, removed)

    assert gazette.is_site and gazette.priority == SITE_PRIORITY and gazette.domains == ("gazette.example",)
    on_site = extract(PAGE, url="https://www.gazette.example/a/1", cleaners=[gazette])
    elsewhere = run(PAGE, url="https://other.example/a/1", cleaners=[gazette])
    assert "PROMO" not in on_site.body
    assert 1 not in elsewhere.removed or elsewhere.removed[1].cleaner != "test.gazette"


def test_a_plain_function_can_be_passed_to_extract():
    trace = run(PAGE, cleaners=[promo_lines])
    assert trace.removed[1].cleaner == "promo_lines"


def test_declarative_rules_on_a_function_cleaner():
    c = Cleaner.from_function("test.decl", lambda d, r: (), drop_lines=(r"PROMO:.*",))
    assert run(PAGE, cleaners=[c]).removed[1].reason.startswith("line matches")


def test_duplicate_names_are_an_error_same_class_is_not():
    reg = Registry(sources=lambda: [])

    class One(Cleaner):
        name = "test.dup"

    class Two(Cleaner):
        name = "test.dup"

    reg.register(One)
    reg.register(One)  # re-importing a module registers the same class again
    with pytest.raises(CleanerError, match="two cleaners are named 'test.dup'"):
        reg.register(Two)
    with pytest.raises(CleanerError):
        reg.register(Cleaner.from_function("test.dup", promo_lines))
    with pytest.raises(CleanerError, match="no name"):
        reg.register(Cleaner)
    assert [c.name for c in reg.cleaners()] == ["test.dup"]


def test_builtins_load_through_entry_points():
    values = [e.value for e in builtin_entry_points()]
    assert values == ["cleannews.cleaners.generic", "cleannews.cleaners.sites"]
    reg = Registry(sources=builtin_entry_points)
    names = {c.name for c in reg.cleaners()}
    assert {"generic.furniture", "generic.related-sections"} <= names
    assert names <= {c.name for c in registered_cleaners()}


class PluginCleaner(Cleaner):
    name = "test.plugin"
    domains = ("plugin.example",)
    drop_lines = (r"PROMO:.*",)


class ClashingCleaner(Cleaner):
    name = "generic.furniture"  # taken by a built-in


def test_a_broken_or_clashing_plugin_warns_and_is_skipped():
    sources = lambda: builtin_entry_points() + [  # noqa: E731
        ep("broken", "cleannews_no_such_module_xyz:Thing"),
        ep("clash", f"{__name__}:ClashingCleaner"),
        ep("good", f"{__name__}:PluginCleaner"),
    ]
    reg = Registry(sources=sources)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names = [c.name for c in reg.cleaners()]
    messages = [str(w.message) for w in caught]
    assert any("'broken'" in m and "skipped" in m for m in messages), messages
    assert any("'clash'" in m and "two cleaners are named" in m for m in messages), messages
    assert "test.plugin" in names and "generic.furniture" in names
    assert type(next(c for c in reg.cleaners() if c.name == "generic.furniture")).__name__ == "Furniture"
    # loaded once: no second round of warnings
    with warnings.catch_warnings(record=True) as again:
        warnings.simplefilter("always")
        reg.cleaners()
    assert not again


def test_a_broken_builtin_is_an_error():
    reg = Registry(sources=lambda: [ep("cleannews.x", "cleannews.cleaners.generic:NoSuchThing")])
    with pytest.raises(AttributeError):
        reg.cleaners()


def test_order_is_site_then_generic_then_priority_and_name():
    site_late = Cleaner.from_function("z.site", promo_lines, domains=("a.example",), priority=50)
    site_early = Cleaner.from_function("y.site", promo_lines, markers=("Gazette",))
    generic_early = Cleaner.from_function("a.generic", promo_lines, priority=1)
    order = [c.name for c in resolve([site_late, generic_early, site_early])]
    assert order.index("y.site") < order.index("z.site") < order.index("a.generic") < order.index("generic.furniture")


def test_first_removal_wins_and_site_cleaner_runs_first():
    site = Cleaner.from_function("test.site", lambda d, r: [(1, "site says")], markers=("PROMO",))
    generic = Cleaner.from_function("test.generic", lambda d, r: [(1, "generic says")])
    assert run(PAGE, cleaners=[generic, site]).removed[1].reason == "site says"


def test_disable_by_name_and_none():
    page = PAGE.replace(PARAS[1], "Advertisement")
    assert "Advertisement" not in extract(page).body
    names = [c.name for c in run(page, cleaners=["-generic.furniture"]).cleaners]
    assert "generic.furniture" not in names and "generic.related-sections" in names
    assert run(page, cleaners=["none"]).cleaners == ()
    with pytest.raises(CleanerError, match="unknown"):
        resolve(["-no.such.cleaner"])
    with pytest.raises(CleanerError):
        resolve(["generic.furniture"])


def test_fixture_site_defaults_to_module_name():
    assert PluginCleaner().fixture_site == "test_cleaners"

    class Named(Cleaner):
        name = "x"
        site = "gazette"

    assert Named().fixture_site == "gazette"


def test_a_role_is_a_role_enum_read_as_its_string():
    from cleannews.models import Removal, Role

    r = Removal(0, "test", "a date line", "date")
    assert r.role is Role.DATE and r.role == "date" and f"{r.role}" == "date"
    with pytest.raises(ValueError):
        Removal(0, "test", "?", "not-a-role")


CONSENT = ("If you live in a state with privacy laws, you may direct a business that sells your personal data to "
           "stop, and you may withdraw that request at any time by writing to the operator of this site.")


def test_a_consent_managers_dialog_is_not_the_body():
    dialog = f'<div id="onetrust-consent-sdk"><div class="ot-sdk-container"><div>{CONSENT}</div></div></div>'
    page = PAGE.replace("</body>", dialog + "</body>")
    removed = run(page).removed
    assert any(r.cleaner == "generic.consent-dialogs" for r in removed.values())
    assert CONSENT not in extract(page).body
    # the same prose in an element of no consent manager is left to the scorer
    other = PAGE.replace("</body>", f'<div id="site-note"><div>{CONSENT}</div></div></body>')
    assert not any(r.cleaner == "generic.consent-dialogs" for r in run(other).removed.values())


def test_ad_labels_in_other_languages_are_furniture():
    for label in ("REKLAM", "Reklama", "Annons", "Реклама", "広告"):
        page = PAGE.replace(PARAS[1], label)
        assert label not in extract(page).body


def test_furniture_sentences_in_the_article_box_are_removed():
    # lines written for this test, in the shapes CMSs print (newsletter, tip line,
    # embed placeholder, donation prompt, ad box heading, a caption ending in its credit)
    for line in ("Sign up for our free morning newsletter to get the day's news in your inbox.",
                 "Got a story? Get in touch with our news team by emailing us at desk@example.org.",
                 "Ein Klick für den Datenschutz",
                 "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns mit einer Spende.",
                 "Реклама:",
                 "Die Halle in einer kleinen Stadt. Bildrechte: Sender/Jana Beispiel"):
        page = PAGE.replace(PARAS[1], line)
        assert line not in extract(page).body, line
        assert any(r.cleaner == "generic.furniture" for r in run(page).removed.values()), line


def test_a_sentence_that_mentions_a_newsletter_in_passing_stays():
    line = ("The council said residents who sign up for the newsletter of the flood office get warnings a day "
            "earlier, and that the scheme had reached nine thousand homes by the spring.")
    page = PAGE.replace(PARAS[1], line)
    assert not any(r.cleaner == "generic.furniture" for r in run(page).removed.values())
