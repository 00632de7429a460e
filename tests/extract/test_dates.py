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


def test_offsets_count_from_the_previous_mention() -> None:
    text = ("The board met on March 3, 2020. Two weeks later it sold the plant. A month later it closed. "
            "Two days later, nobody came. In June 2019 the firm hired staff; three days later the tax office wrote.")
    assert found(text) == [("March 3, 2020", "2020-03-03"), ("Two weeks later", "2020-03-17"),
                           ("A month later", "2020-04"), ("Two days later", "2020-04"),
                           ("June 2019", "2019-06"), ("three days later", "2019-06")]


def test_days_before_an_event_are_not_an_offset_from_the_last_date() -> None:
    assert found("On May 2, 2020 it paid. Two days before the vote it paid again.") == [("May 2, 2020", "2020-05-02")]


def test_chronology_entry_anchors_the_next_paragraph() -> None:
    text = "16 January 2023. The agency signs an order.\n\nOn Feb. 3, the agency publishes the tender."
    assert found(text, published="2024-03-22") == [("16 January 2023", "2023-01-16"), ("Feb. 3", "2023-02-03")]


def test_month_after_a_later_month_reads_forward() -> None:
    text = "In October 2023, she resigned. In February, she sued the ministry."
    assert found(text, published="2024-03-22") == [("October 2023", "2023-10"), ("February", "2024-02")]


def test_deictic_years_and_weeks_count_from_publication() -> None:
    text = "In 2019 the trust was set up. In April this year the court ruled; last December it met; last year it grew."
    assert found(text, published="2022-06-15") == [("2019", "2019"), ("April this year", "2022-04"),
                                                   ("December", "2021-12"), ("last year", "2021")]
    ru = "В 2019 году центр открылся. В апреле этого года суд вынес решение. На прошлой неделе центр подал иск."
    assert found(ru, lang="ru", published="2022-06-15") == [("2019 году", "2019"), ("апреле этого года", "2022-04"),
                                                            ("На прошлой неделе", "2022-06")]


def test_russian_offset() -> None:
    text = "24 января 2022 года он написал письмо. Спустя семь недель министерство приняло решение."
    assert found(text, lang="ru") == [("24 января 2022 года", "2022-01-24"), ("Спустя семь недель", "2022-03-14")]


def test_weekday_is_the_latest_such_day_before_publication() -> None:
    # 2021-05-21 is a Friday
    got = found("The agency said on Wednesday that it had closed the case. The board will meet on Monday. "
                "Суд в среду отклонил жалобу.", published="2021-05-21")
    assert got == [("Wednesday", "2021-05-19"), ("Monday", "2021-05-24"), ("среду", "2021-05-19")]


def test_weekday_with_a_calendar_date_is_left_to_the_date() -> None:
    assert found("The hearing opened on Tuesday, March 2, 2021.") == [("March 2, 2021", "2021-03-02")]


def test_offset_counts_from_the_act_it_names() -> None:
    text = ("On 4 June 2020 the agency paid the first advance. The inspectors met the supplier on 20 June 2020. "
            "Three weeks after the advance, the goods arrived. Years after the war, nobody remembered.")
    got = found(text)
    assert ("Three weeks after the advance", "2020-06-25") in got
    assert not any(t.startswith("Years") for t, _ in got)


def test_without_published_date_the_documents_own_date_line_anchors_and_marks_uncertain() -> None:
    text = "BRIEFING\nDate: 25 May 2021\n\nThe board met on 23 April 2021.\n\nOn 20 April the complaint was filed."
    ctx = DocContext(text=text, language="en", published=None)
    dates.run(ctx)
    got = {d.text: (d.value, d.uncertain) for d in ctx.dates}
    assert got["23 April 2021"] == ("2021-04-23", False)
    assert got["20 April"] == ("2021-04-20", True)  # the year of the text, not the next one
    assert any("no published date" in n for n in ctx.notes)


def test_russian_date_line_and_backward_narrative_keep_the_written_year() -> None:
    text = "Сводка\nДата: 25 мая 2021 года\n\n23 апреля 2021 года приказ подписан.\n\n20 апреля подана жалоба."
    got = dict(found(text, lang="ru", published=None))
    assert got["20 апреля"] == "2021-04-20"


def test_without_any_anchor_a_yearless_date_is_left_out_not_put_on_the_ingest_year() -> None:
    assert found("The complaint was filed on 20 April.", published=None) == []
