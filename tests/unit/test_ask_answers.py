"""Plain-words answers: retrieval from concepts, code notes and guidelines, and the LLM path."""

from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medcoder.codes.ask import answer_question, cited_numbers, mentioned_codes
from medcoder.codes.guidelines import list_guidelines, search_guidelines
from medcoder.codes.guidelines_pairs import note_covers
from medcoder.codes.llm import ChatClient, LlmError, chat_client_from_settings
from medcoder.errors import InvalidInput
from medcoder.settings import Settings


def _citations_are_valid(answer) -> None:
    numbers = {passage.number for passage in answer.passages}
    assert numbers == set(range(1, len(answer.passages) + 1))
    assert cited_numbers(answer.text, answer.passages) == numbers


def test_e11_9_with_e11_65_is_answered_from_both_codes_notes() -> None:
    answer = answer_question("can I code E11.9 with E11.65?")
    assert not answer.used_llm
    refs = [passage.ref for passage in answer.passages]
    assert refs[:2] == ["E11.9", "E11.65"]
    assert "No Excludes1 or Excludes2 note" in answer.text
    assert "report E11.65" in answer.text and "leave out E11.9" in answer.text
    assert "excludes1" in refs and "I.C.4.a" in refs
    assert answer.code_sets == ["ICD-10-CM FY2026, April 1, 2026 update"]
    _citations_are_valid(answer)


def test_an_excludes1_pair_is_found_in_both_directions() -> None:
    answer = answer_question("Can I report Z87.891 with F17.210")
    assert "Z87.891 has an Excludes1 note, “current nicotine dependence (F17.2-)”" in answer.text
    assert "F17.210 has an Excludes1 note (written at F17)" in answer.text
    _citations_are_valid(answer)


def test_use_additional_and_code_first_notes_set_the_order() -> None:
    answer = answer_question("e11.22 and n18.4 — which goes first?")
    assert "report N18.4 as well, after E11.22" in answer.text
    assert "list E11.22 before N18.4" in answer.text
    # The chapter-wide Excludes2 of chapter 14 says nothing about this pair.
    assert "Chapter 14" not in answer.text


def test_codes_in_one_block_without_linking_notes_get_the_combination_code_rule() -> None:
    answer = answer_question("can I code I10 with I12.9?")
    assert "same block (I10-I1A Hypertensive diseases)" in answer.text
    assert "combination-codes" in [passage.ref for passage in answer.passages]


def test_a_code_needing_a_7th_character_is_explained_with_its_table() -> None:
    answer = answer_question("is S52.521 billable?")
    assert "not billable until a 7th character is added" in answer.text
    assert "7th characters (defined at S52.52): A initial encounter for closed fracture" in (
        answer.text
    )
    assert [passage.ref for passage in answer.passages] == ["S52.521", "seventh-character"]


def test_a_concept_question_is_answered_from_the_glossary() -> None:
    answer = answer_question("when do I use modifier 59?")
    assert answer.passages[0].url == "/concepts/modifier-59"
    assert answer.text.startswith("**Modifier 59")
    _citations_are_valid(answer)


def test_an_outpatient_uncertain_diagnosis_question_cites_the_guideline() -> None:
    answer = answer_question("probable pneumonia in the office: do I code it?")
    assert any(p.kind == "guideline" and p.ref == "IV.H" for p in answer.passages)


def test_a_plain_words_question_falls_back_to_code_search() -> None:
    answer = answer_question("what is the code for a heart attack?")
    assert "Codes matching your words" in answer.text
    assert "I21.9" in [passage.ref for passage in answer.passages]


def test_code_shaped_words_that_are_not_codes_are_ignored() -> None:
    assert [notes.code for notes in mentioned_codes("A1c of 7 and vitamin B12, E11.9")] == ["E11.9"]


@pytest.mark.parametrize(
    ("text", "code", "covered"),
    [
        ("type 1 diabetes mellitus (E10.-)", "E10.9", True),
        ("type 1 diabetes mellitus (E10.-)", "E11.9", False),
        ("gestational diabetes (O24.4-)", "O24.410", True),
        ("stage of chronic kidney disease (N18.1-N18.6)", "N18.4", True),
        ("stage of chronic kidney disease (N18.1-N18.6)", "N18.9", False),
        ("vessels of brain (I60-I69)", "I63.9", True),
        ("hypertension (I10-I1A)", "I10", True),
        ("history of tobacco dependence (Z87.891)", "Z87.891", True),
        ("history of tobacco dependence (Z87.891)", "Z87.89", False),
    ],
)
def test_note_references_cover_codes_ranges_and_dashes(text: str, code: str, covered: bool) -> None:
    assert note_covers(text, code) is covered


def test_empty_and_overlong_questions_are_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        answer_question("   ")
    assert caught.value.field == "question"
    with pytest.raises(InvalidInput):
        answer_question("x" * 1001)


def test_guidelines_load_and_search_by_words() -> None:
    assert len(list_guidelines()) >= 15
    assert [g.ref for g in search_guidelines("excludes2 both codes", limit=1)] == ["I.A.12.b"]
    assert search_guidelines("zzqq") == []


def _client(handler) -> ChatClient:
    return ChatClient("http://llm.test/v1", model="m", transport=httpx.MockTransport(handler))


def _reply(text: str) -> httpx.Response:
    return httpx.Response(
        200, json={"choices": [{"message": {"role": "assistant", "content": text}}]}
    )


def test_the_model_phrases_the_answer_when_it_cites_a_passage() -> None:
    seen: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url == "http://llm.test/v1/chat/completions"
        seen.append(json.loads(request.content))
        return _reply("Use 59 only when no more specific modifier fits [1].")

    answer = answer_question("when do I use modifier 59?", llm=_client(handler))
    assert answer.used_llm and answer.text == "Use 59 only when no more specific modifier fits [1]."
    messages = seen[0]["messages"]
    assert isinstance(messages, list)
    assert "[1] (concept) Modifier 59" in messages[1]["content"]
    assert "cite" in messages[0]["content"].lower()


def test_a_reply_citing_no_passage_is_replaced_by_the_retrieval_answer() -> None:
    answer = answer_question(
        "when do I use modifier 59?", llm=_client(lambda _r: _reply("Always use it [9]."))
    )
    assert not answer.used_llm
    assert answer.text.startswith("**Modifier 59")
    assert "cited none of the passages" in answer.llm_note


@pytest.mark.parametrize(
    "handler",
    [
        lambda _r: httpx.Response(500, text="boom"),
        lambda _r: httpx.Response(200, json={"unexpected": True}),
        lambda r: (_ for _ in ()).throw(httpx.ReadTimeout("slow", request=r)),
        lambda r: (_ for _ in ()).throw(httpx.ConnectError("refused", request=r)),
    ],
    ids=["http-500", "not-a-completion", "timeout", "refused"],
)
def test_model_failures_fall_back_to_the_retrieval_answer(handler) -> None:
    answer = answer_question("when do I use modifier 59?", llm=_client(handler))
    assert not answer.used_llm
    assert answer.llm_note.startswith("The language model was not used")
    assert answer.passages


def test_the_model_is_not_called_when_nothing_was_retrieved() -> None:
    def handler(_request: httpx.Request) -> httpx.Response:
        raise AssertionError("no passages, no model call")

    answer = answer_question("zzqq xxkk", llm=_client(handler))
    assert not answer.used_llm and not answer.passages


def test_no_client_exists_unless_a_base_url_is_configured() -> None:
    assert chat_client_from_settings(Settings()) is None
    client = chat_client_from_settings(
        Settings(llm_base_url="http://127.0.0.1:9/v1/", llm_model="local", llm_api_key="k")
    )
    assert client is not None and client.endpoint == "http://127.0.0.1:9/v1/chat/completions"


def test_the_api_key_is_sent_as_a_bearer_token() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"] == "Bearer secret"
        return _reply("ok [1]")

    client = ChatClient("http://llm.test", api_key="secret", transport=httpx.MockTransport(handler))
    assert client.complete([{"role": "user", "content": "hi"}]) == "ok [1]"
    with pytest.raises(LlmError):
        ChatClient(
            "http://llm.test", transport=httpx.MockTransport(lambda _r: _reply(" "))
        ).complete([])


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gets_an_answer_or_a_question_error(text: str) -> None:
    try:
        answer = answer_question(text)
    except InvalidInput as error:
        assert error.field == "question" and not text.strip()
        return
    assert cited_numbers(answer.text, answer.passages) <= {p.number for p in answer.passages}
