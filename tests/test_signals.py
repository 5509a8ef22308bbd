"""Per-document open-question signals (briefing.extract.signals): unknowns, next steps, forecasts.

Every sentence here is made up, on topics far from the event sets (dams, banks, chemical spills, elections,
droughts), each rule shown in a few phrasings with a case that must not trigger. Articles go through the real
ingest and parse (one spaCy doc per block, as in a build) so that headings and list items are blocks of their own.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from briefing.summary import OpenQuestion


@pytest.fixture(scope="module")
def signals_in(nlp, tmp_path_factory):
    """The signals of an article written to a file (Markdown or plain text) and read like a build reads it."""
    from briefing.extract import DocContext, sentences_of, signals
    from briefing.ingest import read_document
    from briefing.nlp import parse_documents

    folder = tmp_path_factory.mktemp("signals")
    counter = iter(range(10_000))

    def run(text: str, kind: str | None = None, suffix: str = ".md") -> list[OpenQuestion]:
        path = Path(folder) / f"a{next(counter)}{suffix}"
        path.write_text(text, encoding="utf-8")
        doc = read_document(path)
        sents = [s for parsed in parse_documents([doc], nlp) for s in sentences_of(parsed)]
        found = [q for q in signals.extract(DocContext(document=doc, sentences=sents)) if q.kind != "frame"]
        for q in found:
            assert q.question.endswith("?") and q.reason and q.citations
            for c in q.citations:
                assert doc.text[c.start:c.end] == c.text
        return [q for q in found if kind is None or q.kind == kind]

    return run


def asked(found: list[OpenQuestion]) -> list[str]:
    return [q.question for q in found]


ARTICLE = "The regional water board met on Monday after the dam failed. Engineers inspected the site all week.\n\n"


# ---------------------------------------------------------------- a heading that announces unknowns

@pytest.mark.parametrize("heading", ["## What we don't know", "## Unanswered questions", "## Still unclear",
                                     "## Open questions", "### What we still do not know"])
def test_items_under_an_unknowns_heading_are_unknowns_and_the_heading_is_none(signals_in, heading):
    text = (ARTICLE + heading + "\n\n"
            "- Why the spillway gave way, and whether engineers had warned of cracks in the wall.\n"
            "- The full cost of the repairs: the board and the insurer have not agreed.\n"
            "- Whether farmers will be paid for the lost harvest.\n\n"
            "## More on this story\n\n- Opinion: Our dams are getting old\n")
    found = asked(signals_in(text, "unknown"))
    assert "Why did the spillway give way?" in found
    assert "What is the full cost of the repairs?" in found
    assert "Will farmers be paid for the lost harvest?" in found
    assert not any(len(q.split()) < 3 for q in found)  # never "What?"
    assert not any("Our dams" in q or "dams are getting old" in q for q in found)


def test_an_unknowns_heading_over_a_numbered_list(signals_in):
    text = ("The central bank held rates on Tuesday after a week of heavy selling.\n\n## Key questions that remain\n\n"
            "1. How long the bank can keep the peg.\n2. The true size of the reserves.\n"
            "3. Whether there is a buyer for the state lender.\n")
    found = asked(signals_in(text, "unknown"))
    assert found == ["How long can the bank keep the peg?", "What is the true size of the reserves?",
                     "Is there a buyer for the state lender?"]


def test_a_heading_that_names_unknowns_is_never_a_question_by_itself(signals_in):
    assert signals_in(ARTICLE + "## What we don't know\n\nNothing else was found at the site.\n", "unknown") == []


def test_a_list_under_an_ordinary_heading_is_no_list_of_unknowns(signals_in):
    text = (ARTICLE + "## What happened\n\n- Why the board met: the dam had failed.\n"
            "- Whether the wall held: it did not.\n- The cost of the repairs was put at $4 million.\n")
    assert signals_in(text, "unknown") == []


@pytest.fixture(scope="module")
def signals_of(nlp):
    """The signals of a few sentences parsed as one block."""
    from types import SimpleNamespace

    from briefing.extract import DocContext, Sentence, signals

    def run(text: str, kind: str | None = None) -> list[OpenQuestion]:
        doc = nlp(text)
        sents = [Sentence(span=s, start=s.start_char, source="a.txt") for s in doc.sents]
        ctx = DocContext(document=SimpleNamespace(id="a.txt", published=None, outlet=None, text=text), sentences=sents)
        found = [q for q in signals.extract(ctx) if q.kind != "frame"]
        assert all(q.question.endswith("?") and q.reason and q.citations for q in found)
        return [q for q in found if kind is None or q.kind == kind]

    return run


@pytest.mark.parametrize("text", [
    "What we don't know is how the leak began.",
    "What officials have not said is anything about the cause.",
])
def test_a_free_relative_is_never_a_one_word_question(signals_of, text):
    assert not any(len(q.split()) < 3 for q in asked(signals_of(text, "unknown")))


# ---------------------------------------------------------------- refusing to give a number

@pytest.mark.parametrize("text", [
    '"We will not give a number we cannot verify," the spokeswoman said.',
    "The regulator would not give a figure until the audit is finished.",
    "The airline did not provide an estimate that reporters could check.",
])
def test_refusing_an_unnamed_number_asks_nothing_about_a_number(signals_of, text):
    found = asked(signals_of(text, "unknown"))
    assert not any(q.lower() in ("what is a number?", "what is a figure?", "what is an estimate?") for q in found)
    assert not any(" a number?" in q or " a figure?" in q or " an estimate?" in q for q in found)


@pytest.mark.parametrize("text, question", [
    ("The insurer did not give a figure for the losses.", "What is the figure for the losses?"),
    ("The ministry did not give the number of people evacuated.", "How many people?"),
])
def test_refusing_a_named_number_asks_about_it(signals_of, text, question):
    assert question in asked(signals_of(text, "unknown"))


# ---------------------------------------------------------------- next steps: whose, and how worded

@pytest.mark.parametrize("text", [
    "Our reporters in the capital will keep following the election count tomorrow.",
    "Our film crew could travel to the border region next week.",
    "My colleagues are expected to file from the summit next month.",
])
def test_the_writers_own_plans_are_no_next_step(signals_of, text):
    assert signals_of(text, "next") == []


def test_a_partys_plans_stay_next_steps(signals_of):
    assert asked(signals_of("The observers will visit the border region next week.", "next")) == [
        "Will the observers visit the border region next week?"]


@pytest.mark.parametrize("text", [
    'The charity says the true count of cases is likely to be "far above 2,000".',
    "Analysts said the final toll was expected to be above 300.",
    "The true cost is likely to be 40 percent higher.",
])
def test_a_level_said_to_be_likely_is_a_figure_not_a_forecast(signals_of, text):
    assert signals_of(text, "next") == []


@pytest.mark.parametrize("text", [
    "Each month of drought could shave 0.3 percentage point off farm output, according to an estimate by a bank.",
    "The tariffs could knock two points off the index, analysts said.",
    "The closures could cost 2,000 jobs a month, according to an estimate by the chamber of commerce.",
])
def test_an_estimated_effect_is_a_figure_not_a_forecast(signals_of, text):
    assert signals_of(text, "next") == []


def test_a_projection_without_a_number_stays_a_forecast(signals_of):
    found = asked(signals_of("Exports could fall sharply next year, according to projections by the trade ministry.",
                             "next"))
    assert len(found) == 1 and found[0].startswith("Could exports fall sharply next year")


@pytest.mark.parametrize("text, question", [
    ("Temperatures are expected to fall sharply by Sunday.", "Will temperatures fall sharply by Sunday?"),
    ("Inspectors are due to visit the plant next month.", "Will inspectors visit the plant next month?"),
    ("Brazil is expected to announce new tariffs next week.", "Will Brazil announce new tariffs next week?"),
])
def test_a_forecast_question_lowers_a_common_noun_that_opened_the_sentence(signals_of, text, question):
    assert question in asked(signals_of(text, "next"))


# ---------------------------------------------------------------- what nobody has released, confirmed or sized

@pytest.mark.parametrize("text, question", [
    ("Neither bank has released the audit of the merged loan book.", "Will the audit of the merged loan book be released?"),
    ("No party has published the draft agreement.", "Will the draft agreement be published?"),
    ("The council said it had commissioned a study of the bridge, but it had not been made public by Friday.",
     "Will the study of the bridge be made public?"),
    ("Engineers said they had written a report on the failure, but it had not been made public by Monday.",
     "Will the report on the failure be made public?"),
    ("The ministry declined to release the inspection report.", "Will the inspection report be released?"),
])
def test_what_nobody_has_released_is_an_unknown(signals_of, text, question):
    assert question in asked(signals_of(text, "unknown"))


@pytest.mark.parametrize("text, question", [
    ("The bankers' association said it was too soon to quantify losses from the collapse.",
     "What are the losses from the collapse?"),
    ("Farm groups said it was too soon to assess the damage to the harvest.", "What is the damage to the harvest?"),
    ("The insurers' initial estimate of storm losses is about $2 billion, a person familiar with the matter said. "
     "The association refused to confirm the figure.", "What are the storm losses?"),
    ("The company declined to give a figure for the job cuts.", "What is the figure for the job cuts?"),
])
def test_what_is_too_early_to_size_or_declined_is_an_unknown(signals_of, text, question):
    assert question in asked(signals_of(text, "unknown"))


@pytest.mark.parametrize("text", [
    "The ministry released the report on Monday.",  # done
    "The agency has not released any figures.",  # nothing in particular
    "The spokesman declined to comment.",  # no object
    "The union refused to confirm the figure.",  # which figure? nothing before says
    "It is too early in the season to plant maize.",  # not a size
    "Both airlines have published the flight recordings.",
])
def test_what_was_released_or_named_nothing_is_no_unknown(signals_of, text):
    assert signals_of(text, "unknown") == []


def test_a_withheld_thing_of_its_own_names_its_owner(signals_of):
    assert asked(signals_of("The army counted 40 trucks at the crossing; the opposition has not published its "
                            "own count.", "unknown")) == ["What is the opposition's own count?"]


@pytest.mark.parametrize("text", [
    "A shopkeeper, who declined to give her name, said prices had doubled.",
    "The ministry has never published the orders.",
])
def test_a_private_detail_or_a_habit_is_no_unknown(signals_of, text):
    assert signals_of(text, "unknown") == []


def test_a_list_of_unknowns_read_in_a_later_part_of_a_long_document(signals_in, monkeypatch):
    # a long document is extracted in parts of a few blocks: the list may begin a part whose heading is in the last
    monkeypatch.setattr("briefing.nlp.MAX_PIECES_PER_PART", 2)
    text = (ARTICLE + "The board will meet again next week to review the repairs.\n\n## What we don’t know\n\n"
            "- Why the spillway gave way.\n- The full cost of the repairs.\n")
    assert asked(signals_in(text, "unknown")) == ["Why did the spillway give way?", "What is the full cost of the repairs?"]


# ---------------------------------------------------------------- a risk forecast

@pytest.mark.parametrize("text, question", [
    ("The flood is expected to recede from Monday, officials said, though heavy storms forecast for Wednesday "
     "could swell the river again.", "Could heavy storms forecast for Wednesday swell the river again?"),
    ("The drought is expected to ease in May, farmers said, though hot dry winds forecast for April could "
     "wither the young crops.", "Could hot dry winds forecast for April wither the young crops?"),
    ("Officials said heavy rain forecast for Friday could wash out the roads again.",
     "Could heavy rain forecast for Friday wash out the roads again?"),
])
def test_a_forecast_risk_after_a_participle_is_a_next_step(signals_of, text, question):
    assert question in asked(signals_of(text, "next"))


def test_a_finite_clause_before_a_modal_gives_no_subject(signals_of):
    # "Although the storm weakened overnight" is a clause of its own: 'could' has the pronoun subject 'it'
    assert signals_of("Although the storm weakened overnight, it could still flood the coast.", "next") == []


# ---------------------------------------------------------------- a plan one party says another has

@pytest.mark.parametrize("text, question, reason", [
    ("The union says the company plans to close the plant in a way that would hurt suppliers.",
     "Will the company close the plant?", "The union says it is planned."),
    ("Environmental groups say the mining firm plans to drain the lake.",
     "Will the mining firm drain the lake?", "Environmental groups say it is planned."),
    ("Farmers' groups, which oppose the project, say the ministry is set to approve the dam next month.",
     "Will the ministry approve the dam next month?", "Farmers' groups say it is set to happen."),
])
def test_a_plan_claimed_by_a_third_party_is_attributed_and_whole(signals_of, text, question, reason):
    found = signals_of(text, "next")
    assert [(q.question, q.reason) for q in found] == [(question, reason)]


@pytest.mark.parametrize("text", [
    "The company plans to open a second factory next year, its chief executive said.",
    "The company plans to open a second factory next year.",
])
def test_a_partys_own_plan_is_not_hedged(signals_of, text):
    assert [q.reason for q in signals_of(text, "next")] == ["A source speaks of it as planned."]


def test_an_indefinite_phrase_whose_clause_is_left_out_goes_whole(signals_of):
    assert asked(signals_of("The city plans to rebuild the bridge in a manner that would keep one lane open.",
                            "next")) == ["Will the city rebuild the bridge?"]


# ---------------------------------------------------------------- a question the article itself poses

@pytest.mark.parametrize("text, question", [
    ("A week after the crash, the main question remains unanswered: which driver ran the red light?",
     "Which driver ran the red light?"),
    ("A week on, one question remains open — who authorised the payments?", "Who authorised the payments?"),
    ("The key question remains whether the dam can hold.", "Can the dam hold?"),
    ("The question now is whether the central bank will raise rates again.", "Will the central bank raise rates again?"),
])
def test_a_question_the_article_poses_as_open_is_an_unknown(signals_of, text, question):
    assert question in asked(signals_of(text, "unknown"))


@pytest.mark.parametrize("text", [
    '"The question is whether they will pay," the mayor said.',  # a party's words
    "Reporters asked the minister a question about the budget: would taxes rise?",  # not said to be open
    "The question of funding was settled at the meeting.",
])
def test_a_question_not_posed_as_open_by_the_article_is_no_unknown(signals_of, text):
    assert signals_of(text, "unknown") == []


# ---------------------------------------------------------------- a reporter's turn at a press conference

TRANSCRIPT = ("Spokesperson's regular press conference\n\n"
              "Reuters: The central bank is expected to raise rates again next month. Does the ministry see any risk "
              "for exporters?\n\n"
              "Spokesperson: I would refer you to the competent authorities.\n\n"
              "Q: The energy minister will visit the dam next week. Has the ministry said whether it will pay "
              "for the repairs?\n\n"
              "Spokesperson: The minister will inspect the dam on Tuesday next week.\n")


def test_a_reporters_turn_raises_no_next_step_or_unknown(signals_in):
    found = signals_in(TRANSCRIPT, suffix=".txt")
    assert not any("central bank" in q.question or "energy minister" in q.question for q in found)


def test_the_answer_of_a_transcript_still_raises_next_steps(signals_in):
    assert "Will the minister inspect the dam on Tuesday next week?" in asked(signals_in(TRANSCRIPT, "next",
                                                                                         suffix=".txt"))


@pytest.mark.parametrize("text", [
    "Traders said the decision had been widely expected and the currency steadied.",
    "The vote was expected, and it passed easily.",
])
def test_an_event_that_was_expected_is_no_step_ahead(signals_of, text):
    assert signals_of(text, "next") == []


def test_an_event_that_is_expected_is_a_step_ahead(signals_of):
    assert asked(signals_of("A ruling is expected later this month.", "next")) == [
        "Will the ruling take place later this month?"]


@pytest.mark.parametrize("heading", ["## An uncertain future", "## Key questions"])
def test_a_heading_that_only_sounds_open_introduces_no_unknowns(signals_in, heading):
    text = (ARTICLE + heading + "\n\nWhat happened? The spillway gave way on Monday night.\n\n"
            "- The end of an era for the valley.\n")
    assert signals_in(text, "unknown") == []


def test_a_bare_noun_phrase_under_the_heading_counts_only_as_a_list_item(signals_in):
    text = ARTICLE + "## Still unclear\n\nThe cost of the repairs.\n\nWhy the spillway gave way.\n"
    assert asked(signals_in(text, "unknown")) == ["Why did the spillway give way?"]


# ---------------------------------------------------------------- a claim contested by name

@pytest.mark.parametrize("text, question", [
    ("The opposition criticised claims that the reform will cut costs.", "Will the reform cut costs?"),
    ("Farmers questioned assertions that the river was safe to drink.", "Was the river safe to drink?"),
    ('Doctors also criticised statements that the outbreak is "contained".', "Is the outbreak contained?"),
])
def test_criticising_a_claim_with_its_content_is_a_dispute(signals_of, text, question):
    found = signals_of(text, "dispute")
    assert asked(found) == [question]
    assert "dispute" in found[0].reason


@pytest.mark.parametrize("text", [
    "The opposition criticised the minister for the delays.",
    "Critics questioned the report, which found the river was safe.",
    "Reporters questioned the mayor about the flooding.",
])
def test_criticising_a_person_or_a_report_is_no_dispute_of_a_claim(signals_of, text):
    assert signals_of(text, "dispute") == []


@pytest.mark.parametrize("text, question", [
    ("It is too early to say whether the vaccine works.", "Does the vaccine work?"),
    ("Officials declined to say how many people were arrested.", "How many people were arrested?"),
    ("The company has not released its earnings.", "What are the company's earnings?"),
])
def test_declining_or_being_too_early_to_say_asks_the_embedded_question(signals_of, text, question):
    assert question in asked(signals_of(text, "unknown"))


@pytest.mark.parametrize("text", [
    "Police did not release the suspect on Monday.",  # custody, not information
    "The question was whether the bill would pass, and it did.",  # a question of the past
])
def test_custody_and_past_questions_are_no_unknowns(signals_of, text):
    assert signals_of(text, "unknown") == []


@pytest.mark.parametrize("text, question", [
    ("Negotiators from Peru and Chile are due to hold a new round of talks in Lima next month.",
     "Will negotiators from Peru and Chile hold a new round of talks in Lima next month?"),
    ("France and Germany are expected to sign the accord on Friday.", "Will France and Germany sign the accord on Friday?"),
])
def test_a_forecast_keeps_every_party_of_its_subject(signals_of, text, question):
    assert asked(signals_of(text, "next")) == [question]


@pytest.mark.parametrize("text", [
    "The ruling widened the range of disputes that could, in theory, reach the supreme court.",
    "The new rules could theoretically let regulators block the merger.",
    "A wider strike could in principle halt all shipping on the river.",
])
def test_what_is_possible_in_principle_is_no_forecast(signals_of, text):
    assert signals_of(text, "next") == []


# ---------------------------------------------------------------- a question heading its section leaves open

@pytest.mark.parametrize("heading, body", [
    ("### 10.15am – Where is the audit?", "The mayor says lawyers are still reading it. "
                                         "No date was given. Reporters asked why it had been delayed."),
    ("## When will the plant reopen?", "It is not clear. The owners say repairs are under way."),
    ("## Who will pay for the clean-up?", "That remains unclear, and the insurers have said nothing."),
])
def test_a_question_heading_whose_section_says_it_is_not_known_is_an_unknown(signals_in, heading, body):
    found = signals_in(ARTICLE + heading + "\n\n" + body + "\n", "unknown")
    question = heading.lstrip("# ").split("– ")[-1]
    assert question in asked(found)
    assert len(next(q for q in found if q.question == question).citations) == 2


@pytest.mark.parametrize("heading, body", [
    ("## When will the plant reopen?", "The owners say the plant will reopen on Monday after repairs."),
    ("## Is there a vaccine?", "Yes. A vaccine made by a Danish firm protects against this strain."),
])
def test_a_question_heading_its_section_answers_is_no_unknown(signals_in, heading, body):
    assert signals_in(ARTICLE + heading + "\n\n" + body + "\n", "unknown") == []


@pytest.mark.parametrize("text, question", [
    ("It remains to be seen whether the ceasefire will hold.", "Will the ceasefire hold?"),
    ("Nobody knows how many people were inside the building.", "How many people were inside the building?"),
    ("No one knows whether the dam will hold.", "Will the dam hold?"),
])
def test_nobody_knowing_or_remaining_to_be_seen_is_an_unknown(signals_of, text, question):
    assert asked(signals_of(text, "unknown")) == [question]


@pytest.mark.parametrize("text, question", [
    ("The question is whether imports caused the losses, or whether it was the collapse in demand, she said.",
     "Did imports cause the losses?"),
    ("The big question now is how long the ceasefire will hold.", "How long will the ceasefire hold?"),
    ("The key unknown is whether the vaccine protects young children.", "Does the vaccine protect young children?"),
])
def test_what_a_source_names_as_the_open_question_is_an_unknown(signals_of, text, question):
    assert question in asked(signals_of(text, "unknown"))


@pytest.mark.parametrize("text", ["The question was answered by the minister.",
                                  "The issue is a shortage of nurses, the union said."])
def test_a_question_with_no_embedded_question_asks_nothing(signals_of, text):
    assert signals_of(text, "unknown") == []


@pytest.mark.parametrize("text", ["Nobody said anything about the plan.", "Everyone knows whether the dam held."])
def test_saying_nothing_or_everyone_knowing_is_no_unknown(signals_of, text):
    assert signals_of(text, "unknown") == []


# ---------------------------------------------------------------- phrasing details

def test_a_denied_plan_loses_a_phrase_that_is_empty_without_its_clause(signals_of):
    found = signals_of("Unions say the company plans to move production abroad in a way that would cut hundreds "
                       "of jobs. The company has denied this.", "dispute")
    assert [(q.question, q.reason) for q in found] == [
        ("Does the company plan to move production abroad?", "Unions say so; the company denies it.")]


@pytest.mark.parametrize("text, question", [
    ("The chief executive declined to comment on whether job cuts were planned.", "Were job cuts planned?"),
    ("Neither the company nor its auditors have published the review of the plants.",
     "Will the review of the plants be published?"),
    ("The company did not give a figure for the expected shortfall.",
     "What is the figure for the expected shortfall?"),
])
def test_more_ways_of_withholding(signals_of, text, question):
    assert question in asked(signals_of(text, "unknown"))


def test_a_possessive_name_opening_the_sentence_keeps_its_capital(signals_of):
    assert asked(signals_of("Acme's chairman is expected to step down at the annual meeting in May.", "next")) == [
        "Will Acme's chairman step down at the annual meeting in May?"]


@pytest.mark.parametrize("text, question", [
    ('The spokesman says the tapes made in the cockpit will be released "after investigators have heard them". '
     "No schedule was announced.", "When will the tapes made in the cockpit be released?"),
    ("The ministry said the new rules would be published soon. No date has been set.",
     "When will the new rules be published?"),
    ("The mayor said the bridge will reopen. No timetable was announced.", "When will the bridge reopen?"),
])
def test_no_date_given_for_a_step_announced_just_before_asks_when(signals_of, text, question):
    assert question in asked(signals_of(text, "unknown"))


@pytest.mark.parametrize("text", [
    "No schedule was announced.",
    "The minister will visit the region next week. No date was given for the talks.",
    "The mayor said the bridge had reopened. No timetable was announced.",
])
def test_no_date_given_without_an_undated_step_before_asks_nothing(signals_of, text):
    assert signals_of(text, "unknown") == []


def test_questions_about_releasing_one_recording_share_a_topic(signals_of):
    found = signals_of("Neither airline has published the tapes. The pilots' union said it had a recording of the "
                       "landing, but it had not been made public by Friday. The regulator says the video will be "
                       "released after the hearing. No schedule was announced.", "unknown")
    assert len(found) == 3
    assert {getattr(q, "topic", None) for q in found} == {("footage", "release")}


@pytest.mark.parametrize("text, question, reason", [
    ("The real toll is likely to be higher, aid groups warned.", "What is the real toll?",
     "A source says it is likely to be higher."),
    ("Analysts said the final cost was expected to be far lower.", "What is the final cost?",
     "A source says it is expected to be lower."),
])
def test_a_count_said_to_be_understated_is_an_unknown_not_a_forecast(signals_of, text, question, reason):
    assert [(q.question, q.reason) for q in signals_of(text)] == [(question, reason)]


def test_a_level_of_something_else_stays_a_forecast(signals_of):
    assert asked(signals_of("Prices are likely to be higher next year.", "next")) == ["Will prices be higher next year?"]


def test_a_number_declined_and_one_too_early_to_estimate_share_a_topic(signals_of):
    found = signals_of("The insurers' first estimate of flood losses is about $2 billion, a person familiar with the "
                       "matter said. The association refused to confirm the figure. Its chairman said it was too "
                       "soon to quantify losses.", "unknown")
    assert {getattr(q, "topic", None) for q in found} == {("loss", "size")} and len(found) == 2


@pytest.mark.parametrize("text, question", [
    ("The board has scheduled a hearing for Monday.", "Will the hearing on Monday go ahead?"),
    ("Organisers planned a rally for next week.", "Will the rally next week go ahead?"),
])
def test_an_announced_event_keeps_its_date_as_a_date_is_said(signals_of, text, question):
    assert asked(signals_of(text, "next")) == [question]


@pytest.mark.parametrize("text, question, reason", [
    ("The agency is appealing for $162 million to fund the response. By Wednesday, donors had pledged less than a "
     "third of that, the agency said.", "Will the rest of the $162 million be pledged?",
     "Less than a third of it has been pledged, a source says."),
    ("So far only 20% of the appeal has been funded.", "Will the rest of the appeal be funded?",
     "Only 20% of it has been funded, a source says."),
])
def test_a_share_of_a_sum_asked_for_leaves_the_rest_open(signals_of, text, question, reason):
    found = [q for q in signals_of(text, "unknown") if q.question == question]
    assert [q.reason for q in found] == [reason]
    assert len(found[0].citations) == text.count(". ") + 1  # the sentence naming the sum, and the share's


@pytest.mark.parametrize("text", ["The company raised half of its revenue abroad.", "Donors pledged $40 million.",
                                  "Donors have not pledged a third of that."])
def test_a_share_of_no_sum_asked_for_asks_nothing(signals_of, text):
    assert not [q for q in signals_of(text, "unknown") if "rest of" in q.question]


@pytest.mark.parametrize("text, reason", [
    ("The operator denied that it had ignored the warning, saying the patch had been scheduled for this month.",
     "The operator denies it, saying the patch had been scheduled for this month."),
    ("Officials claimed the dam was safe. The company rejected the claim, insisting that two walls had cracked.",
     "Officials say so; the company rejects it, insisting two walls had cracked."),
    # a quoted ground is left to the quotation itself
    ('Unions say the firm plans to cut jobs. The firm denied this, saying "we have no such plans".',
     "Unions say so; the firm denies it."),
])
def test_a_denial_keeps_the_ground_its_sentence_gives(signals_of, text, reason):
    assert [q.reason for q in signals_of(text, "dispute")] == [reason]
