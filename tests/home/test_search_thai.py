"""Thai word segmentation for the index and the search box (home.search.thai)."""

from wagtail.search.query import And, Or, PlainText

import pytest

from home.search import thai


@pytest.mark.parametrize(
    "text, expected",
    [
        ("โครงสร้างหน่วยงาน", ["โครงสร้าง", "หน่วยงาน"]),
        ("ทำเนียบผู้บริหาร", ["ทำเนียบ", "ผู้บริหาร"]),
        ("ไม่รับของขวัญ No Gift Policy", ["ไม่", "รับ", "ของขวัญ", "no", "gift", "policy"]),
    ],
)
def test_words_cuts_thai_into_dictionary_words_and_keeps_english(text, expected):
    assert thai.words(text) == expected


def test_words_drop_punctuation_quotes_operators_and_emoji():
    assert thai.words('"หน่วยงาน" AND -ข่าว* (ITA) 😀 !!!') == ["หน่วยงาน", "and", "ข่าว", "ita"]
    assert thai.words("😀 !!! ***") == []


def test_thai_digits_become_arabic_digits_and_case_is_folded():
    assert thai.words("ปีงบประมาณ ๒๕๖๙") == ["ปีงบประมาณ", "2569"]
    assert thai.words("COVID") == ["covid"]


def test_zero_width_space_between_thai_words_separates_them():
    assert thai.words("ข่าว\u200bประชาสัมพันธ์") == ["ข่าว", "ประชาสัมพันธ์"]


def test_compounds_are_split_into_their_words():
    assert thai.subwords("จัดซื้อจัดจ้าง", depth=1) == ("จัดซื้อ", "จัดจ้าง")
    assert "งบประมาณ" in thai.subwords("ปีงบประมาณ")
    assert thai.subwords("ita2569") == ("ita", "2569")


def test_short_or_single_words_are_not_split_into_syllables():
    assert thai.subwords("ประกาศ") == ()  # would leave a stray "ศ"
    assert thai.subwords("โครง") == ()  # too short to be a compound
    assert thai.subwords("policy") == ()


def test_index_text_holds_words_and_sub_words_of_compounds():
    indexed = thai.index_text("ประกาศผลการจัดซื้อจัดจ้าง ITA2569").split()
    for word in ("ประกาศ", "ผล", "จัดซื้อจัดจ้าง", "จัดซื้อ", "จัดจ้าง", "ita2569", "ita", "2569"):
        assert word in indexed
    assert thai.index_text("") == ""
    assert thai.index_text("ข่าว" * 10, limit=4) == "ข่าว"


def test_query_of_one_plain_word():
    assert repr(thai.search_query("ข่าว")) == repr(PlainText("ข่าว"))


def test_query_word_matches_itself_or_all_of_its_sub_words():
    query = thai.search_query("จัดซื้อจัดจ้าง")
    assert isinstance(query, Or)
    whole, parts = query.subqueries
    assert whole.query_string == "จัดซื้อจัดจ้าง"
    assert isinstance(parts, And) and [p.query_string for p in parts.subqueries] == ["จัดซื้อ", "จัดจ้าง"]


def test_query_words_all_required_or_any_with_operator_or():
    assert isinstance(thai.search_query("ข่าว ทันตกรรม"), And)
    assert isinstance(thai.search_query("ข่าว ทันตกรรม", operator="or"), Or)


def test_query_without_words_is_none_and_long_queries_are_capped():
    assert thai.search_query("!!! 😀") is None
    query = thai.search_query(" ".join(f"word{i}" for i in range(50)), max_words=5)
    assert len(query.subqueries) == 5


def test_index_and_query_agree_on_thai_written_with_spaces_and_without():
    # A document written "จัดซื้อ จัดจ้าง" is indexed as two words; the query "จัดซื้อจัดจ้าง" asks
    # for the compound or both its parts, so it still matches.
    indexed = set(thai.index_text("การจัดซื้อ และการจัดจ้าง").split())
    query = thai.search_query("จัดซื้อจัดจ้าง")
    assert {p.query_string for p in query.subqueries[1].subqueries} <= indexed


def test_autocomplete_tries_the_text_as_typed_and_cut_into_words():
    query = thai.autocomplete_query("โครงสร้างหน่วย")
    assert isinstance(query, Or)
    assert [q.query_string for q in query.subqueries] == ["โครงสร้างหน่วย", "โครงสร้าง หน่วย"]
    assert repr(thai.autocomplete_query("ข่าว")) == repr(PlainText("ข่าว"))
    assert thai.autocomplete_query("???") is None
