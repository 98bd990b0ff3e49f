"""
Scoring streams and batches of records (quytac.iter_scores, quytac.score_records), JSON Lines,
and the pickling that spreading a batch over processes relies on.
"""

import concurrent.futures
import json
import pickle

import pytest

import quytac
from _pins import edited_example

CHECKLIST = """\
kind: Checklist
schema: quytac/v1
id: nho
title: Phiếu nhỏ
version: 2
scoring:
  model: points
  critical: {cap_band: kha}
  bands:
    - {id: tot, label: Tốt, min: 85}
    - {id: kha, label: Khá, min: 50}
    - {id: yeu, label: Yếu, min: 0}
sections:
  - id: I
    title: Phần I
    items:
      - {id: I.1, text: Có văn bản, answer: yes_no, points: 2, critical: true}
      - {id: I.2, text: Số văn bản, answer: {count: {full_at: 5}}, points: 5}
      - id: I.3
        text: Niêm yết
        answer: {choices: [{id: day_du, label: Đầy đủ, points: 4}, {id: khong, label: Không, points: 0}]}
        points: 4
      - id: I.4
        text: Dễ quan sát
        when: {item: I.3, in: [day_du]}
        answer: {points: {step: 0.5}}
        points: 2
      - {id: I.5, text: Ghi chú, answer: text}
"""

ANSWERS = [
    {"I.1": "pass", "I.2": "7", "I.3": "day_du", "I.4": "1.5", "I.5": "tốt"},
    {"I.1": "fail", "I.2": "2", "I.3": "khong", "I.4": "na"},
    {"I.1": "na", "I.2": "not_observed", "I.3": "day_du", "I.4": {"value": "2", "note": "ảnh"}},
    {"I.1": "pass", "I.2": "0"},
    {"I.1": "na", "I.2": "na", "I.3": "na", "I.4": "na"},
]


def record(number, answers, version=2):
    return {
        "kind": "InspectionRecord",
        "schema": "quytac/v1",
        "id": f"rec-{number}",
        "plan": "kh",
        "unit": f"{number:05d}",
        "inspected_on": "2023-08-15",
        "checklist": {"id": "nho", "version": version},
        "answers": answers,
    }


@pytest.fixture(scope="module")
def checklist():
    return quytac.loads(CHECKLIST)


@pytest.fixture
def stream(tmp_path):
    """
    The same records as a JSON Lines file and as a multi-document YAML stream.
    """
    data = [record(n, answers) for n, answers in enumerate(ANSWERS * 4)]
    lines = tmp_path / "records.jsonl"
    lines.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in data), "utf-8")
    yaml_stream = tmp_path / "records.yaml"
    yaml_stream.write_text(
        "---\n".join(json.dumps(r, ensure_ascii=False) + "\n" for r in data), "utf-8"
    )
    return lines, yaml_stream


def round_trip(value):
    return pickle.loads(pickle.dumps(value))  # noqa: S301 - our own bytes, never untrusted


def shown(found):
    """
    What a score says, field by field (a Score compares by identity).
    """
    return [
        (
            record_id,
            s.percent,
            s.band,
            s.awarded,
            s.maximum,
            s.coverage,
            s.capped_by,
            s.issues,
            s.statuses,
            s.scaled,
        )
        for record_id, s in found
    ]


class TestJsonLines:
    def test_a_json_lines_file_loads_like_the_yaml_stream(self, stream):
        """
        A .jsonl file holds one document a line; it loads to the same documents as YAML.
        """
        lines, yaml_stream = stream

        assert 20 == len(quytac.load_all(lines))
        assert quytac.load_all(yaml_stream) == quytac.load_all(lines)

    def test_problems_are_placed_at_their_line_of_the_file(self, tmp_path):
        """
        Blank lines are skipped; a problem is reported at the line of the file it is on.
        """
        good = json.dumps(record(1, ANSWERS[0]))
        bad = json.dumps(record(2, ANSWERS[1])).replace('"plan"', '"plann"')
        path = tmp_path / "r.jsonl"
        path.write_text(f"{good}\n\n{bad}\n{{oops\n", "utf-8")

        with pytest.raises(quytac.LoadError) as info:
            quytac.load_all(path)

        assert [
            "r.jsonl:3:1: error QT103: plan: missing required key",
            "r.jsonl:3:68: error QT104: plann: unknown key; did you mean 'plan'? (allowed here:"
            " plan, answers, outline, findings, self_assessment, illustrative, …)",
            "r.jsonl:4:2: error QT013: (root): invalid JSON: Expecting property name enclosed"
            " in double quotes",
        ] == [p.render().replace(f"{tmp_path}/", "") for p in info.value.problems]

    def test_iter_load_reads_json_lines_one_record_at_a_time(self, stream):
        """
        iter_load yields the records of a JSON Lines file before it has read the whole file.
        """
        lines, _ = stream
        text = lines.read_text("utf-8")
        lines.write_text(text + "{oops\n", "utf-8")
        found = quytac.iter_load(lines)

        assert 20 == len([next(found) for _ in range(20)])
        with pytest.raises(quytac.LoadError):
            next(found)


class TestIterScores:
    def test_a_stream_scores_as_each_record_alone(self, checklist, stream):
        """
        Scoring a file one record at a time gives each record's own score, in order.
        """
        lines, yaml_stream = stream
        expected = [
            (f"rec-{n}", quytac.score(checklist, answers)) for n, answers in enumerate(ANSWERS * 4)
        ]

        for source in (lines, yaml_stream, quytac.load_all(lines)):
            found = [(r.id, s) for r, s in quytac.iter_scores(source, checklist)]
            assert shown(expected) == shown(found)

    def test_the_scores_are_those_of_the_checklist(self, checklist, stream):
        """
        The sample covers answers with a note, a skipped item, a missing one and "no score".
        """
        percents = [s.shown() for _, s in quytac.iter_scores(stream[0], checklist)][:5]

        assert ["96.15", "18.18", "54.55", "18.18", "no score"] == percents

    def test_another_edition_is_never_scored_silently(self, checklist):
        """
        A record pinned to another version of the checklist is a ScoreError naming it.
        """
        loaded = quytac.loads(json.dumps(record(7, ANSWERS[0], version=1)))

        with pytest.raises(quytac.ScoreError) as info:
            list(quytac.iter_scores([loaded], checklist))

        assert (
            "<InspectionRecord rec-7>: error QT330: checklist.version: written against version 1"
            " of checklist 'nho', but the workspace has version 2; it is not checked or scored"
            " against another edition"
        ) == str(info.value)
        assert [("QT330", ("checklist", "version"))] == [
            (issue.code, issue.path) for issue in info.value.issues
        ]

    def test_an_edited_edition_is_never_scored_silently(self, checklist):
        """
        A record whose pin carries another fingerprint is a ScoreError; the right one scores.
        """
        edited = record(8, ANSWERS[0])
        edited["checklist"]["fingerprint"] = "0" * 16
        pinned = record(9, ANSWERS[0])
        pinned["checklist"]["fingerprint"] = quytac.fingerprint(checklist)
        loaded = [quytac.loads(json.dumps(r)) for r in (pinned, edited)]

        found = quytac.iter_scores(loaded, checklist)

        assert "96.15" == next(found)[1].shown()
        with pytest.raises(quytac.ScoreError) as info:
            next(found)
        assert (
            "<InspectionRecord rec-8>: error QT331: checklist.fingerprint: checklist 'nho'"
            " version 2 was changed after this was written (its fingerprint differs)"
        ) == str(info.value)

    def test_a_record_read_from_a_file_is_refused_where_validate_places_it(self, tmp_path):
        """
        The bundled checklist edited without a new version: the first record of the file is
        refused with validate's issue, at validate's file:line:column.
        """
        data = edited_example(tmp_path)
        records = data / "round-2023" / "records.yaml"
        checklist = quytac.load(data / "checklist-co-quan-2023.yaml")
        expected = [
            i
            for i in quytac.Workspace.load(data).validate()
            if i.source == str(records) and i.line == 11
        ]

        with pytest.raises(quytac.ScoreError) as info:
            next(quytac.iter_scores(records, checklist))

        assert ["QT331"] == [issue.code for issue in expected]
        assert expected == list(info.value.issues)
        assert (
            f"{records}:11:59: error QT331: checklist.fingerprint: checklist 'kt-co-quan-2023'"
            " version 1 was changed after this was written (its fingerprint differs)"
        ) == str(info.value)

    def test_a_json_lines_record_is_refused_at_its_line(self, tmp_path, checklist):
        """
        In a JSON Lines file, the refused record's issue is at its own line of the file.
        """
        path = tmp_path / "r.jsonl"
        third = json.dumps(record(2, ANSWERS[1], 1))
        path.write_text(json.dumps(record(1, ANSWERS[0])) + "\n\n" + third, "utf-8")
        column = third.index('"version": 1') + len('"version": ') + 1

        with pytest.raises(quytac.ScoreError) as info:
            list(quytac.iter_scores(path, checklist))

        assert [(str(path), 3, column, "QT330")] == [
            (i.source, i.line, i.column, i.code) for i in info.value.issues
        ]

    def test_a_record_without_a_pin_is_refused(self, checklist):
        """
        Answers that do not say which edition they follow are not scored (QT335).
        """
        given = record(3, ANSWERS[0])
        del given["checklist"]

        with pytest.raises(quytac.ScoreError) as info:
            quytac.score_records([quytac.loads(json.dumps(given))], checklist)

        assert (
            "<InspectionRecord rec-3>: error QT335: checklist: say which edition of checklist"
            " 'nho' this was written against ({id, version})"
        ) == str(info.value)

    def test_a_batch_is_refused_against_an_edited_checklist(self, tmp_path):
        """
        score_records refuses the batch as iter_scores does, naming the record.
        """
        data = edited_example(tmp_path)
        checklist = quytac.load(data / "checklist-co-quan-2023.yaml")
        records = quytac.load_all(data / "round-2023" / "records.yaml")

        with pytest.raises(quytac.ScoreError) as info:
            quytac.score_records(records, checklist)

        assert (
            "<InspectionRecord ktr-2023-so-ldtbxh>: error QT331: checklist.fingerprint:"
            " checklist 'kt-co-quan-2023' version 1 was changed after this was written"
            " (its fingerprint differs)"
        ) == str(info.value)

    def test_the_refusal_reaches_the_caller_of_a_process_pool(self, tmp_path):
        """
        Raised in a worker process, the ScoreError arrives with its message and issues.
        """
        data = edited_example(tmp_path)
        checklist = quytac.load(data / "checklist-co-quan-2023.yaml")
        records = quytac.load_all(data / "round-2023" / "records.yaml")
        with pytest.raises(quytac.ScoreError) as info:
            quytac.score_records(records, checklist)

        again = round_trip(info.value)

        assert (str(info.value), info.value.issues) == (str(again), again.issues)

    def test_only_records_are_scored(self, checklist):
        """
        A document of another kind in the stream is a ScoreError.
        """
        with pytest.raises(quytac.ScoreError, match="expected an InspectionRecord, got Checklist"):
            list(quytac.iter_scores([checklist], checklist))


class TestParallel:
    @pytest.fixture
    def records(self, stream):
        return quytac.load_all(stream[0])

    def test_checklists_records_and_scores_pickle(self, checklist, records):
        """
        What a worker process receives and returns survives pickling unchanged.
        """
        scored = quytac.score_records(records, checklist)

        assert checklist == round_trip(checklist)
        assert records == round_trip(records)
        assert shown(scored) == shown(round_trip(scored))

    def test_a_process_pool_gives_the_serial_scores(self, checklist, records):
        """
        A batch split over processes scores as the serial run does.
        """
        batches = [records[start : start + 6] for start in range(0, len(records), 6)]
        with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
            found = [
                pair
                for part in pool.map(quytac.score_records, batches, [checklist] * len(batches))
                for pair in part
            ]

        assert shown(quytac.score_records(records, checklist)) == shown(found)

    def test_dask_gives_the_serial_scores(self, checklist, records):
        """
        The same batch under Dask (when installed), in worker processes, scores as the serial run.
        """
        bag = pytest.importorskip("dask.bag")

        parts = bag.from_sequence(records, npartitions=3).map_partitions(
            quytac.score_records, checklist
        )
        found = parts.compute(scheduler="processes", num_workers=2)

        assert shown(quytac.score_records(records, checklist)) == shown(found)
