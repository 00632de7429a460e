"""Date mentions: explicit, anchored, relative and Russian expressions (sentences written for the tests)."""

from __future__ import annotations

from casegraph.extract import dates
from casegraph.extract.context import DocContext


def found(text: str, lang: str = "en", published: str | None = "2021-05-21") -> list[tuple[str, str]]:
    ctx = DocContext(text=text, language=lang, published=published)
    dates.run(ctx)
    for d in ctx.dates:
        assert ctx.text[d.start:d.end] == d.text
    return [(d.text, d.value) for d in ctx.dates]


def test_explicit_dates() -> None:
    text = "The board met on October 19, 2012, moved in March 2012 and closed in 2018. Filed 3 June 2015."
    assert found(text) == [("October 19, 2012", "2012-10-19"), ("March 2012", "2012-03"),
                           ("2018", "2018"), ("3 June 2015", "2015-06-03")]


def test_numeric_formats() -> None:
    assert found("Signed 2020-01-05 and stamped 12.03.2019.") == [
        ("2020-01-05", "2020-01-05"), ("12.03.2019", "2019-03-12")]


def test_year_of_the_paragraph_anchors_day_and_month() -> None:
    text = "The fund was set up in 2016. On April 21 and 22 its board met, and by late March it had a bank."
    assert found(text) == [("2016", "2016"), ("April 21", "2016-04-21"), ("22", "2016-04-22"),
                           ("late March", "2016-03")]


def test_published_date_anchors_in_the_past() -> None:
    text = "Photo: Kyiv, June 2, 2015.\n\nThe agency listed the firm on April 23 and again on December 10."
    assert found(text) == [("June 2, 2015", "2015-06-02"), ("April 23", "2021-04-23"),
                           ("December 10", "2020-12-10")]


def test_next_day_follows_previous_mention() -> None:
    text = "The letter arrived on April 20. The clerk forwarded it the very next day. A day later, a reply."
    assert found(text)[1:] == [("the very next day", "2021-04-21"), ("A day later", "2021-04-22")]


def test_seasons_and_quantities() -> None:
    text = "In the spring of 2013 the group paid 2000 euros to 2019 people over 3 years; in December 2014 more."
    assert found(text) == [("the spring of 2013", "2013"), ("December 2014", "2014-12")]


def test_may_as_a_verb_is_not_a_month() -> None:
    assert found("May I ask what happened in May?") == [("May", "2021-05")]


def test_no_anchor_gives_no_value() -> None:
    assert found("They met on April 23.", published=None) == []


def test_russian() -> None:
    text = ("23 апреля 2021 года суд вынес решение. В декабре 2014 года фонд выделил грант. "
            "Весной 2013 года он уехал. В 2018 году он вернулся. 21 и 22 апреля шли слушания, "
            "в конце марта тоже. На следующий день всё закончилось.")
    assert found(text, lang="ru") == [
        ("23 апреля 2021 года", "2021-04-23"), ("декабре 2014 года", "2014-12"),
        ("Весной 2013 года", "2013"), ("2018 году", "2018"), ("21", "2018-04-21"),
        ("22 апреля", "2018-04-22"), ("конце марта", "2018-03"), ("На следующий день", "2018-04-23")]
