"""Text analysis in the six official languages (core/text.py), which every search and the
overlap finder use."""

import threading

from cophub.core import text


def test_arabic_normalisation():
    assert text.normalise_arabic("أَحْمَـــد") == "احمد"
    assert text.normalise_arabic("مدرسة") == "مدرسه"
    assert text.normalise("ＣＯＰ Éducation") == "cop éducation"


def test_words_cut_chinese_and_keep_other_scripts_whole():
    assert text.words("Child_Online 儿童在线保护的国家战略 2020") == [
        "childonline", "儿童", "在线", "保护", "的", "国家", "战略", "2020",
    ]  # fmt: skip
    # For a search, the shorter words inside a long one too, so that a query cut on its own
    # still finds them.
    assert "共和国" not in text.words("中华人民共和国")
    assert "共和国" in text.words("中华人民共和国", for_search=True)


def test_stems_in_each_language_with_accents_dropped():
    assert text.stem("protecting", "en") == text.stem("protection", "en") == "protect"
    assert text.stem("enfants", "fr") == "enfant"
    assert text.stem("niños", "es") == "nin"
    assert text.stem("детей", "ru") == "дет"
    assert text.stem("国家", "zh") == "国家"
    assert text.stopwords("fr") >= {"de", "la", "les"}


def test_arabic_words_are_indexed_without_their_joined_prepositions():
    # "والأطفال" (and the children) is found by "الأطفال" and "أطفال".
    indexed = text.index_terms("ألعاب الفيديو والأطفال", "ar").split()
    assert text.stem("اطفال", "ar") in indexed
    for query in ("الأطفال", "أطفال", "للأطفال"):
        (forms,) = text.query_terms(query)
        assert forms & set(indexed), query


def test_a_query_word_is_looked_for_in_every_stemming():
    (forms,) = text.query_terms("Protecting")
    assert forms == {"protecting", "protect"}  # as written, and English's stem
    assert text.query_terms("!!! ،،، 。。") == []
    assert len(text.query_terms(" ".join(f"w{n}" for n in range(40)))) == text.MAX_QUERY_WORDS


def test_tsquery_needs_one_form_of_every_word_and_matches_long_stems_as_prefixes():
    assert text.tsquery([{"parent", "par"}, {"国家"}, {"l'x"}]) == (
        "('par' | 'parent':*) & ('国家') & ('lx')"
    )


def test_scripts_of_other_languages_are_told_apart():
    assert text.is_in_a_known_script("Protection des enfants en ligne")
    assert text.is_in_a_known_script("защита детей 儿童保护 حماية")
    assert not text.is_in_a_known_script("ऑनलाइन बाल संरक्षण")
    assert not text.is_in_a_known_script("オンラインでのこどもの保護")


def test_query_analysis_is_safe_in_a_threaded_server():
    query = "lignes directrices educadores المبادئ للآباء 家长和教育工作者指南"
    expected = text.query_terms(query)
    errors, wrong = [], []

    def analyse():
        try:
            for _ in range(200):
                if text.query_terms(query) != expected:
                    wrong.append(query)
        except Exception as error:  # noqa: BLE001 - any error in a thread fails the test
            errors.append(error)

    threads = [threading.Thread(target=analyse) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and wrong == []
    assert len(expected) >= 5
