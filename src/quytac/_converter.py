"""
The one cattrs converter: plain data to typed attrs objects and back, strictly.

No silent coercion (null is not "None", a string is not a list, ``yes`` is not true), unknown
keys are problems, and every problem of a document is collected. Numbers and dates arrive as
text from the reader; the hooks here turn them into ``int``, ``Decimal`` and ``date`` where the
model asks for them. Only this module imports cattrs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import functools
import math
import re
import typing
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Final

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from . import checklists, conditions
from ._base import SCHEMA
from ._checks import DIGITS, in_range
from ._mapping import FrozenMap
from ._messages import missing, quote
from ._nearest import WORDS, Hint, hint
from ._reading._common import _character as character
from ._sources import UNWANTED
from .errors import InvalidValue
from .outlines import FigureValue
from .records import Figure
from .text import Text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

Path = tuple[str | int, ...]


@attrs.frozen
class RawProblem:
    """
    A problem found while structuring, before it is placed in a file.

    Attributes:
        code: The problem code.
        path: YAML path of the value (for a missing key: the key it should have).
        where: ``"value"``, ``"key"`` (point at the key) or ``"parent"`` (at the mapping).
        params: Parameters of the message, and of the finding: its ``hint``, ``cause`` and
            ``follows`` (see ``_messages.make``).
    """

    code: str
    path: Path
    where: str
    params: tuple[tuple[str, object], ...] = ()


class Mismatch(ValueError):
    """
    A value that is not of the type the model asks for.
    """

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


class StructureFailed(ValueError):
    """
    A document could not be structured; carries every problem.
    """

    def __init__(self, problems: list[RawProblem]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def yaml_key(attribute: attrs.Attribute[Any]) -> str:
    """
    The YAML key of an attribute: its alias, or ``metadata["yaml"]`` where Python needs another
    name (``in``, ``not``).
    """
    key = attribute.metadata.get("yaml", attribute.alias)
    return str(key)


# --- strict scalars -------------------------------------------------------------------------

_INT: Final = re.compile(r"[+-]?[0-9]+\Z")
_NUMBER: Final = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\Z")
#: The longest text read as a number (30 digits before the point and 30 after it, a sign, a
#: point, an exponent): longer is a mistake, or an attack on int(), and is not even parsed.
_LONGEST_NUMBER: Final = 80
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _got(value: object) -> dict[str, str]:
    """
    The value as a message shows it, in English and Vietnamese (``got`` and ``got_vi``).
    """
    return {"got": quote(value), "got_vi": quote(value, lang="vi")}


def _got_text(value: object) -> dict[str, str]:
    """
    ``_got`` where a text of prose belongs (a title, a label): a list of texts is most often a
    text with commas written in ``[…]``, which YAML reads as a list, and the message says so.
    """
    got = _got(value)
    if type(value) is list and value and all(type(item) is str for item in value):
        got["got"] += " (a text in [...] is read as a list: put the text in double quotes)"
        got["got_vi"] += (
            " (văn bản trong [...] được đọc là một danh sách: hãy đặt văn bản trong dấu ngoặc kép)"
        )
    return got


def _structure_str(value: object, cl: type) -> Any:
    if type(value) is not str:
        raise Mismatch("QT105", expected="text", expected_vi="văn bản", **_got(value))
    if cl is str:
        return value
    return _structure_enum(value, cl)


def _structure_enum(value: str, cl: type[enum.Enum]) -> Any:
    try:
        return cl(value)
    except ValueError:
        values = [str(member.value) for member in cl]
        found = hint(value, values, WORDS.get(cl.__name__))
        raise Mismatch("QT108", hint=found, **_got(value)) from None


def _out_of_range(value: object) -> Mismatch:
    shown = quote(value) if isinstance(value, str) else quote(str(value))
    return Mismatch("QT111", got=shown, digits=str(DIGITS))


def _structure_int(value: object, _: type) -> int:
    number: int | None = None
    if type(value) is int:
        number = value
    elif type(value) is str and _INT.match(value):
        if len(value.lstrip("+-")) > DIGITS:
            raise _out_of_range(value)
        number = int(value)
    if number is not None:
        if not in_range(number):
            raise _out_of_range(value)
        return number
    raise Mismatch("QT105", expected="a whole number", expected_vi="một số nguyên", **_got(value))


def _structure_decimal(value: object, _: type) -> Decimal:
    number: Decimal | None = None
    if type(value) is Decimal and value.is_finite():
        number = value
    elif type(value) is int:
        number = Decimal(value)
    elif type(value) is str and _NUMBER.match(value):
        if len(value) > _LONGEST_NUMBER:
            raise _out_of_range(value)
        with contextlib.suppress(InvalidOperation):  # the pattern admits only numbers
            number = Decimal(value)
    if number is not None:
        if not in_range(number):
            raise _out_of_range(value)
        return number
    raise Mismatch(
        "QT105", expected="a number such as 2.5", expected_vi="một số như 2.5", **_got(value)
    )


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is bool:
        return value
    raise Mismatch("QT105", expected="true or false", expected_vi="true hoặc false", **_got(value))


def _structure_date(value: object, _: type) -> dt.date:
    if type(value) is dt.date:
        return value
    if type(value) is str and _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise Mismatch("QT107", **_got(value))


def _structure_text(converter: cattrs.Converter) -> Callable[[object, type], Text]:
    fields = _attrs_structure(Text, converter)

    def structure(value: object, _: type) -> Text:
        if type(value) is str:
            if not value.strip():
                raise Mismatch("QT106", detail="must not be empty", detail_vi="không được để trống")
            text: Text = fields({"vi": value}, Text)
            return text
        if type(value) is dict:
            text = fields(value, Text)
            return text
        raise Mismatch(
            "QT105",
            expected="text or a mapping {vi, en}",
            expected_vi="văn bản hoặc ánh xạ {vi, en}",
            **_got_text(value),
        )

    return structure


def _unstructure_text(text: Text) -> object:
    if text.en is None:
        return text.vi
    return {"vi": text.vi, "en": text.en}


# --- containers -----------------------------------------------------------------------------


def _sequence_factory(cl: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    items = homogenous_tuple_structure_factory(cl, converter)

    def structure(value: object, _: type) -> Any:
        if type(value) is not list:
            raise Mismatch("QT105", expected="a list", expected_vi="một danh sách", **_got(value))
        return items(value, cl)

    return structure


def _attrs_structure(cl: type, converter: cattrs.Converter) -> Callable[[Any, type], Any]:
    renames = {
        a.name: override(rename=yaml_key(a)) for a in attrs.fields(cl) if yaml_key(a) != a.name
    }
    fields: Callable[[Any, type], Any] = make_dict_structure_fn(
        cl,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=True,
        **renames,  # type: ignore[arg-type]
    )

    def structure(value: Any, _: type) -> Any:
        try:
            return fields(value, cl)
        except ClassValidationError as exc:
            raise _with_every_invalid_value(cl, converter, value, exc) from exc

    return structure


def _attrs_factory(cl: type, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    fields = _attrs_structure(cl, converter)

    def structure(value: object, _: type) -> Any:
        if type(value) is not dict:
            raise Mismatch("QT105", expected="a mapping", expected_vi="một ánh xạ", **_got(value))
        return fields(value, cl)

    return structure


def _with_every_invalid_value(
    cl: type, converter: cattrs.Converter, value: dict[str, Any], exc: ClassValidationError
) -> ClassValidationError:
    """
    attrs stops at the first failing validator, and cattrs runs none when a field fails to
    structure: run the validators of every field that did structure, so that no problem hides
    another.
    """
    with_notes, others = exc.group_exceptions()
    failed = {note.name for _, note in with_notes}
    constructor_failed = not with_notes and not any(
        isinstance(other, ForbiddenExtraKeysError) for other in others
    )
    found: list[Exception] = [] if constructor_failed else list(exc.exceptions)
    for attribute in attrs.fields(cl):
        key = yaml_key(attribute)
        if attribute.validator is None or key not in value or attribute.name in failed:
            continue
        typed = converter.structure(value[key], attribute.type)
        try:
            attribute.validator(None, attribute, typed)
        except InvalidValue as invalid:
            found.append(invalid)
    if not found:
        found = list(exc.exceptions)
    return ClassValidationError(f"While structuring {cl.__name__}", found, cl)


# --- checklists: answer types, conditions, answers (tagged shapes checked here) --------------


def _expected(value: object, en: str, vi: str) -> Mismatch:
    return Mismatch("QT105", expected=en, expected_vi=vi, **_got(value))


def _tag(value: dict[str, Any], tags: Iterable[str], what: str, what_vi: str) -> str:
    """
    The one key of a tagged mapping that says what it is, or a Mismatch naming what is allowed.
    """
    tags = tuple(tags)
    found = [key for key in value if key in tags]
    if len(found) > 1:
        raise Mismatch("QT402", expected=", ".join(tags), got=", ".join(map(repr, found)))
    if not found:
        keys = ", ".join(repr(key) for key in value) or "an empty mapping"
        words = WORDS.get("answer_type" if what == "answer type" else "condition")
        hints = [hint(key, tags, words) for key in value]
        found_hint = next((h for h in hints if h.suggestion), hint(None, tags))
        raise Mismatch("QT401", what=what, what_vi=what_vi, got=keys, hint=found_hint)
    return found[0]


def _structure_answer_type(conv: cattrs.Converter) -> Callable[[object, type], Any]:
    names = tuple(checklists.ANSWER_TYPES)
    bare = {name for name, cl in checklists.ANSWER_TYPES.items() if not attrs.fields(cl)}

    def structure(value: object, _: type) -> Any:
        if type(value) is str:
            if value in bare:
                made: Any = checklists.ANSWER_TYPES[value]
                return made()
            if value in checklists.ANSWER_TYPES:
                raise _expected(
                    value, f"a mapping {{{value}: ...}}", f"một ánh xạ {{{value}: ...}}"
                )
            raise Mismatch(
                "QT401",
                what="answer type",
                what_vi="loại câu trả lời",
                **_got(value),
                hint=hint(value, names, WORDS["answer_type"]),
            )
        if type(value) is not dict:
            raise _expected(
                value, "an answer type such as yes_no", "một loại câu trả lời như yes_no"
            )
        if len(value) != 1:
            _tag(value, names, "answer type", "loại câu trả lời")
            raise Mismatch("QT402", expected=", ".join(names), got=", ".join(map(repr, value)))
        name = _tag(value, names, "answer type", "loại câu trả lời")
        cl = checklists.ANSWER_TYPES[name]
        body = value[name]
        if cl is checklists.Choices:
            body = {"choices": body}
        elif name in bare:
            body = {} if body is None else body
        try:
            return conv.structure(body, cl)
        except Exception as exc:
            raise _under(name, cl, exc) from exc

    return structure


def _under(key: str, cl: type, exc: Exception) -> ClassValidationError:
    """
    An error inside a tagged mapping, placed under its tag key.
    """
    if cl is checklists.Choices and isinstance(exc, ClassValidationError):
        return exc
    exc.__notes__ = [*getattr(exc, "__notes__", []), AttributeValidationNote(key, key, cl)]
    return ClassValidationError(f"While structuring {cl.__name__}", [exc], cl)


def _unstructure_answer_type(conv: cattrs.Converter) -> Callable[[Any], object]:
    bodies = {cl: _attrs_unstructure(cl, conv) for cl in checklists.ANSWER_TYPES.values()}

    def unstructure(answer: Any) -> object:
        if not attrs.fields(type(answer)):
            return answer.name
        body = bodies[type(answer)](answer)
        if isinstance(answer, checklists.Choices):
            body = body["choices"]
        return {answer.name: body}

    return unstructure


def _structure_condition(conv: cattrs.Converter) -> Callable[[object, type], Any]:
    tags = tuple(conditions.TAGS)

    def structure(value: object, _: type) -> Any:
        if type(value) is not dict:
            raise _expected(
                value,
                "a condition such as {item: I.1, equals: pass}",
                "một điều kiện như {item: I.1, equals: pass}",
            )
        name = _tag(value, tags, "condition", "điều kiện")
        cl = conditions.TAGS[name]
        if cl is conditions.ItemCondition:
            tests = ("equals", "in", "gte", "lte", "answered")
            if all(value.get(key) is None for key in tests):  # a null test is no test
                hints = [hint(key, tests) for key in value if key not in ("item", *tests)]
                raise Mismatch("QT403", hint=next((h for h in hints if h.suggestion), None))
        elif len(value) != 1:
            raise Mismatch("QT402", expected=", ".join(tags), got=", ".join(map(repr, value)))
        return conv.structure(value, cl)

    return structure


#: Keys of an answer written as a mapping.
_ANSWER_KEYS: Final = frozenset({"value", "note", "evidence"})
#: How many distinct plain answers (``pass``, ``7``, ``day_du``) share one Answer object.
_KNOWN_ANSWERS: Final = 4096


def _plain_answer(value: dict[str, Any]) -> checklists.Answer | None:
    """
    The fast path of the usual answer mapping (a text value, a note, a list of texts): what the
    general path would build; None for anything else, which the general path then reports.
    """
    if not (value.keys() <= _ANSWER_KEYS and type(value.get("value")) is str):
        return None
    note = value.get("note")
    if "note" in value and (type(note) is not str or not note.strip()):
        return None
    evidence = value.get("evidence", [])
    if type(evidence) is not list or not all(type(e) is str for e in evidence):
        return None
    return checklists.Answer(
        value=value["value"],
        note=None if note is None else Text(vi=note),
        evidence=tuple(evidence),
    )


def _structure_answer(
    conv: cattrs.Converter, known: dict[str, checklists.Answer]
) -> Callable[[object, type], Any]:
    fields = _attrs_structure(checklists.Answer, conv)

    def structure(value: object, _: type) -> Any:
        if type(value) is str:
            found = known.get(value)
            if found is None:
                found = checklists.Answer(value=value)
                if len(known) < _KNOWN_ANSWERS:
                    known[value] = found
            return found
        if type(value) is dict:
            return _plain_answer(value) or fields(value, checklists.Answer)
        raise _expected(
            value,
            "an answer (pass, fail, na, not_observed, a number, a choice id) or a"
            " mapping {value, note, evidence}",
            "một câu trả lời (pass, fail, na, not_observed, một số, mã lựa chọn)"
            " hoặc ánh xạ {value, note, evidence}",
        )

    return structure


def _structure_answers(
    conv: cattrs.Converter, known: dict[str, checklists.Answer]
) -> Callable[[object, type], Any]:
    def structure(value: object, _: type) -> Any:
        if type(value) is not dict:
            raise _expected(
                value,
                "a mapping of item ids to answers",
                "một ánh xạ từ mã câu hỏi đến câu trả lời",
            )
        answer_of = conv.get_structure_hook(checklists.Answer)
        entries: list[tuple[str, checklists.Answer]] = []
        failed: list[Exception] = []
        for key, answer in value.items():
            if type(answer) is str and answer in known:  # the usual answer, inline
                entries.append((key, known[answer]))
                continue
            try:
                entries.append((key, answer_of(answer, checklists.Answer)))
            except Exception as exc:  # noqa: BLE001 - every answer's problem is collected
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    AttributeValidationNote(key, key, checklists.Answer),
                ]
                failed.append(exc)
        if failed:
            raise ClassValidationError("While structuring answers", failed, checklists.Answers)
        return checklists.Answers(tuple(entries))

    return structure


def _unstructure_answers(conv: cattrs.Converter) -> Callable[[Any], object]:
    def unstructure(answers: checklists.Answers) -> object:
        found: dict[str, object] = {}
        for key, answer in answers.entries:
            plain = conv.unstructure(answer)
            found[key] = plain["value"] if len(plain) == 1 else plain
        return found

    return unstructure


def _register_checklists(conv: cattrs.Converter) -> None:
    conv.register_structure_hook_func(
        lambda t: t == checklists.AnswerType, _structure_answer_type(conv)
    )
    condition = _structure_condition(conv)

    def optional_condition(value: object, cl: type) -> Any:
        return None if value is None else condition(value, cl)

    conv.register_structure_hook_func(lambda t: t == conditions.Condition, condition)
    conv.register_structure_hook_func(
        lambda t: t == conditions.Condition | None, optional_condition
    )
    # Answers are immutable: the few distinct plain answers of a stream share their objects.
    known: dict[str, checklists.Answer] = {}
    conv.register_structure_hook(checklists.Answer, _structure_answer(conv, known))
    conv.register_structure_hook(checklists.Answers, _structure_answers(conv, known))
    conv.register_unstructure_hook_func(
        lambda t: t in checklists.ANSWER_TYPES.values() or t == checklists.AnswerType,
        _unstructure_answer_type(conv),
    )
    conv.register_unstructure_hook(checklists.Answers, _unstructure_answers(conv))


# --- plans, outlines, reports and records -----------------------------------------------------
# Report sections and figures are mappings keyed by ids (FrozenMap); a figure is written either
# as its value or as a mapping {value, note}; a value is whatever the outline's indicator says it
# is, so it stays as written here.


def _is_frozen_map(cl: Any) -> bool:
    return typing.get_origin(cl) is FrozenMap or cl is FrozenMap


def _frozen_map_factory(cl: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    (value_type,) = typing.get_args(cl) or (Any,)
    as_dict = converter.get_structure_hook(dict[str, value_type])  # type: ignore[valid-type]

    def structure(value: object, _: type) -> Any:
        if type(value) is not dict:
            raise Mismatch("QT105", expected="a mapping", expected_vi="một ánh xạ", **_got(value))
        return FrozenMap(as_dict(value, dict[str, value_type]))  # type: ignore[valid-type]

    return structure


def _frozen_map_unstructure(cl: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    (value_type,) = typing.get_args(cl) or (Any,)

    def unstructure(mapping: FrozenMap[Any]) -> dict[str, Any]:
        return {key: converter.unstructure(item, value_type) for key, item in mapping.items()}

    return unstructure


def _structure_figure_value(value: object, _: type) -> Any:
    if type(value) in (str, bool, int, Decimal, dt.date):
        return value
    raise Mismatch(
        "QT105",
        expected="a number, text, true/false or a date",
        expected_vi="một số, văn bản, true/false hoặc một ngày",
        **_got(value),
    )


def _unstructure_figure_value(value: Any) -> Any:
    if isinstance(value, bool | str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _register_records(conv: cattrs.Converter) -> None:
    conv.register_structure_hook_factory(_is_frozen_map, _frozen_map_factory)
    conv.register_unstructure_hook_factory(_is_frozen_map, _frozen_map_unstructure)
    conv.register_structure_hook_func(lambda t: t == FigureValue, _structure_figure_value)
    conv.register_unstructure_hook_func(lambda t: t == FigureValue, _unstructure_figure_value)
    # A figure is its value alone, or a mapping {value, note}.
    fields = _attrs_factory(Figure, conv)
    whole = _attrs_unstructure(Figure, conv)

    def structure_figure(value: object, _: type) -> Figure:
        figure: Figure = fields(value if type(value) is dict else {"value": value}, Figure)
        return figure

    def unstructure_figure(figure: Figure) -> Any:
        data = whole(figure)
        return data["value"] if list(data) == ["value"] else data

    conv.register_structure_hook(Figure, structure_figure)
    conv.register_unstructure_hook(Figure, unstructure_figure)


# --- unstructuring --------------------------------------------------------------------------


def _attrs_unstructure(cl: type, converter: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    renames = {a.name: override(rename=yaml_key(a)) for a in attrs.fields(cl)}
    return make_dict_unstructure_fn(
        cl,
        converter,
        _cattrs_omit_if_default=True,
        **renames,  # type: ignore[arg-type]
    )


def _enum_value(member: enum.Enum) -> Any:
    return member.value


@functools.cache
def converter() -> cattrs.Converter:
    """
    The converter, built once.
    """
    conv = cattrs.Converter(
        forbid_extra_keys=True,
        detailed_validation=True,
        unstruct_collection_overrides={tuple: list},
    )
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_structure_hook(Text, _structure_text(conv))
    conv.register_structure_hook_factory(is_sequence, _sequence_factory)
    conv.register_structure_hook_factory(attrs.has, _attrs_factory)

    # Numbers and dates stay typed: the writer decides how each is spelt (YAML or JSON).
    conv.register_unstructure_hook(Decimal, lambda value: value)
    conv.register_unstructure_hook(dt.date, lambda value: value)
    conv.register_unstructure_hook(Text, _unstructure_text)
    # StrEnum before str in the MRO: without this, members would pass through as themselves.
    conv.register_unstructure_hook(enum.StrEnum, _enum_value)
    conv.register_unstructure_hook_factory(attrs.has, _attrs_unstructure)
    _register_checklists(conv)
    _register_records(conv)
    return conv


# --- documents ------------------------------------------------------------------------------


def structure_document(data: object, kinds: dict[str, type]) -> Any:
    """
    The typed document for plain data with an envelope, or StructureFailed with every problem.
    """
    if type(data) is not dict:
        raise StructureFailed([RawProblem("QT009", (), "value", tuple(_got(data).items()))])
    problems: list[RawProblem] = []
    kind = data.get("kind")
    cl = kinds.get(kind) if type(kind) is str else None
    if "kind" not in data:
        problems.append(RawProblem("QT103", ("kind",), "parent"))
    elif cl is None:
        found = hint(kind, sorted(kinds), WORDS["kind"])
        problems.append(
            RawProblem("QT101", ("kind",), "value", (*_got(kind).items(), ("hint", found)))
        )
    schema = data.get("schema")
    if "schema" not in data:
        problems.append(RawProblem("QT103", ("schema",), "parent"))
    elif schema != SCHEMA:
        problems.append(
            RawProblem("QT102", ("schema",), "value", (*_got(schema).items(), ("expected", SCHEMA)))
        )
    if cl is not None:
        body = {key: value for key, value in data.items() if key not in ("kind", "schema")}
        try:
            document: Any = converter().structure(body, cl)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a located problem
            problems += raw_problems(exc)
        else:
            if not problems:
                return document
        problems = _rooted(problems, str(kind), data.get("id"))
    raise StructureFailed(problems)


def _rooted(problems: list[RawProblem], kind: str, id_: object) -> list[RawProblem]:
    """
    The problems of a document that did not load, with their causes made its own
    (``tittle`` in one checklist is not ``tittle`` in another); the first problem that is not a
    consequence also stands for the document's absence, which every reference to the
    document follows from.
    """
    if type(id_) is not str:
        return problems
    own = [
        attrs.evolve(raw, params=tuple(_own(kind, id_, name, value) for name, value in raw.params))
        if any(name == "cause" for name, _ in raw.params)
        else raw
        for raw in problems
    ]
    root = next((raw for raw in own if not dict(raw.params).get("follows")), None)
    if root is None:
        return own
    absent = missing(kind, id_)
    cause = dict(root.params).get("cause")
    if cause is None:
        return [_caused(raw, absent) if raw is root else raw for raw in own]
    return [
        attrs.evolve(
            raw, params=tuple(_moved(name, value, cause, absent) for name, value in raw.params)
        )
        for raw in own
    ]


def _moved(name: str, value: object, cause: object, absent: tuple[str, ...]) -> tuple[str, object]:
    return (name, absent) if name == "cause" and value == cause else (name, value)


def _own(kind: str, id_: str, name: str, value: object) -> tuple[str, object]:
    if name == "cause" and isinstance(value, tuple):
        return (name, (kind, id_, *value))
    return (name, value)


def structure(data: object, cl: type[Any]) -> Any:
    """
    Structure plain data into ``cl``, or raise StructureFailed with every problem.
    """
    try:
        return converter().structure(data, cl)
    except Exception as exc:
        raise StructureFailed(raw_problems(exc)) from exc


def unstructure_document(document: Any) -> dict[str, Any]:
    """
    Plain data for a document, envelope first; defaults are left out.
    """
    body: dict[str, Any] = converter().unstructure(document)
    return {"kind": type(document).kind, "schema": SCHEMA, **body}


def unstructure(value: Any) -> Any:
    """
    Plain data for any model object.
    """
    return converter().unstructure(value)


# --- errors ---------------------------------------------------------------------------------


def raw_problems(exc: BaseException, path: Path = ()) -> list[RawProblem]:  # noqa: C901
    """
    Flatten cattrs' tree of errors into problems with YAML paths (an adapted transform_error).
    """
    if isinstance(exc, ClassValidationError):
        found: list[RawProblem] = []
        with_notes, others = exc.group_exceptions()
        keys = {a.name: yaml_key(a) for a in attrs.fields(exc.cl)}
        for inner, note in with_notes:
            found += raw_problems(inner, (*path, keys.get(note.name, note.name)))
        for inner in others:
            found += raw_problems(inner, path)
        return _misspelt(found, path)
    if isinstance(exc, IterableValidationError):
        listed: list[RawProblem] = []
        with_index, rest = exc.group_exceptions()
        for inner, index_note in with_index:
            index = index_note.index  # a position, or the key of a mapping
            listed += raw_problems(inner, (*path, index if isinstance(index, str) else int(index)))
        for inner in rest:
            listed += raw_problems(inner, path)
        return listed
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = _keys(exc.cl)
        return [
            RawProblem("QT104", (*path, key), "key", (("hint", hint(key, allowed)),))
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError):
        return [RawProblem("QT103", path, "parent")]
    if isinstance(exc, Mismatch):
        return [RawProblem(exc.code, path, "value", tuple(exc.params.items()))]
    if isinstance(exc, InvalidValue):
        params = (("detail", exc.message), ("detail_vi", exc.message_vi))
        return [RawProblem("QT106", (*path, exc.key), "value", params)]
    if isinstance(exc, BaseExceptionGroup):
        return [found for inner in exc.exceptions for found in raw_problems(inner, path)]
    detail = str(exc) or type(exc).__name__
    return [RawProblem("QT110", path, "value", (("detail", detail), ("detail_vi", detail)))]


@functools.cache
def _keys(cl: type) -> tuple[str, ...]:
    """
    The YAML keys of a class, in its order; a document's envelope first.
    """
    keys = tuple(yaml_key(a) for a in attrs.fields(cl))
    return ("kind", "schema", *keys) if isinstance(getattr(cl, "kind", None), str) else keys


def _misspelt(found: list[RawProblem], path: Path) -> list[RawProblem]:
    """
    A required key reported missing where an unknown key of the same mapping is its
    misspelling (``tittle`` for ``title``) is one mistake: the missing key follows from the
    unknown one.
    """
    depth = len(path) + 1
    unknown: dict[str, int] = {}
    for position, raw in enumerate(found):
        said = dict(raw.params).get("hint")
        suggested = said.suggestion if isinstance(said, Hint) else None
        if raw.code == "QT104" and len(raw.path) == depth and suggested is not None:
            unknown.setdefault(suggested, position)
    linked = list(found)
    for position, raw in enumerate(found):
        key = raw.path[-1] if len(raw.path) == depth else None
        if raw.code == "QT103" and isinstance(key, str) and key in unknown:
            cause = ("key", *map(str, path), key)
            linked[position] = _caused(raw, cause, follows=True)
            first = unknown[key]
            linked[first] = _caused(linked[first], cause)
    return linked


def _caused(raw: RawProblem, cause: tuple[str, ...], *, follows: bool = False) -> RawProblem:
    return attrs.evolve(raw, params=(*raw.params, ("cause", cause), ("follows", follows)))


# --- plain Python data, as the reader gives it --------------------------------------------------

#: The most significant digits a float is taken at its word for: every decimal number of up to
#: 15 significant digits comes back out of a binary float as written (``repr(2.5) == "2.5"``).
FLOAT_DIGITS: Final = 15
#: How deep plain data may nest, as in a file.
_PLAIN_DEPTH: Final = 64


def _not_plain(value: object) -> RawProblem:
    name = type(value).__name__
    return RawProblem(
        "QT105",
        (),
        "value",
        (
            ("expected", "plain data (text, a number, true/false, null, a list or a mapping)"),
            (
                "expected_vi",
                "dữ liệu thông thường (văn bản, số, true/false, null, danh sách, ánh xạ)",
            ),
            ("got", f"a Python {name}"),
            ("got_vi", f"một giá trị Python kiểu {name}"),
        ),
    )


def _float_text(value: float) -> str | RawProblem:
    """
    A float as the number it was written as, when it can only have been written so.
    """
    text = repr(value)
    if not math.isfinite(value):
        expected, expected_vi = "a finite number", "một số hữu hạn"
    elif len(Decimal(text).as_tuple().digits) > FLOAT_DIGITS:
        expected = (
            f"a number of at most {FLOAT_DIGITS} significant digits as a float"
            " (give a longer one as text or a Decimal)"
        )
        expected_vi = (
            f"một số có tối đa {FLOAT_DIGITS} chữ số có nghĩa dạng float"
            " (số dài hơn hãy ghi dạng văn bản hoặc Decimal)"
        )
    else:
        return text
    return RawProblem(
        "QT105",
        (),
        "value",
        (("expected", expected), ("expected_vi", expected_vi), ("got", text), ("got_vi", text)),
    )


def _scalar(value: object) -> object:
    """
    One plain scalar as the reader gives it (numbers and dates as text), or a RawProblem.
    """
    kind = type(value)
    if value is None or kind is bool:
        return value
    if kind is str:
        text = typing.cast("str", value)
        if (bad := UNWANTED.search(text)) is not None:
            return RawProblem("QT017", (), "value", tuple(character(ord(bad.group())).items()))
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    if kind is int:
        try:
            return str(value)
        except ValueError:  # more digits than int -> str converts
            return RawProblem("QT111", (), "value", (("got", "an integer"), ("digits", DIGITS)))
    if kind is float:
        return _float_text(typing.cast("float", value))
    if kind is Decimal:
        number = typing.cast("Decimal", value)
        if number.is_finite():
            return str(number)
        return RawProblem(
            "QT105",
            (),
            "value",
            (
                ("expected", "a finite number"),
                ("expected_vi", "một số hữu hạn"),
                ("got", str(number)),
                ("got_vi", str(number)),
            ),
        )
    if kind is dt.date:
        return typing.cast("dt.date", value).isoformat()
    return _not_plain(value)


class _NotPlain(Exception):
    """
    Plain data has a problem: read it again, keeping the paths.
    """


def _quick(value: object, depth: int) -> object:
    """
    ``plain`` of data with no problem, without the paths a problem would need (the usual
    case, and the faster); _NotPlain at the first problem.
    """
    kind = type(value)
    if kind is str:
        text = typing.cast("str", value)
        if UNWANTED.search(text) is None:
            return unicodedata.normalize("NFC", text)
    elif value is None or kind is bool:
        return value
    elif kind is dict and depth < _PLAIN_DEPTH:
        mapping = typing.cast("dict[object, object]", value)
        result: dict[str, object] = {}
        for key, item in mapping.items():
            if type(key) is not str:
                raise _NotPlain
            name = key if key.isascii() else unicodedata.normalize("NFC", key)
            result[name] = _quick(item, depth + 1)
        return result
    elif (kind is list or kind is tuple) and depth < _PLAIN_DEPTH:
        items = typing.cast("list[object]", value)
        return [_quick(item, depth + 1) for item in items]
    elif kind is not dict and kind is not list and kind is not tuple:
        found = _scalar(value)
        if not isinstance(found, RawProblem):
            return found
    raise _NotPlain


def plain(data: object) -> tuple[Any, list[RawProblem]]:
    """
    Python data (from ``json.loads``, a database row, a form) as the reader would give the same
    content: numbers and dates as text, text NFC-normalised, tuples as lists; and the problems
    of what is not plain data (a set, bytes, an object, a float that cannot be exact), each
    replaced by null.
    """
    with contextlib.suppress(_NotPlain, RecursionError):
        return _quick(data, 0), []
    return with_paths(data)


def with_paths(data: object) -> tuple[Any, list[RawProblem]]:
    """
    ``plain``, keeping the path of every value for the problems it finds.
    """
    problems: list[RawProblem] = []

    def walk(value: object, path: Path) -> object:
        kind = type(value)
        if kind is dict or kind is list or kind is tuple:
            if len(path) >= _PLAIN_DEPTH:
                problems.append(RawProblem("QT006", path, "value", (("limit", _PLAIN_DEPTH),)))
                return None
            if kind is dict:
                return walk_mapping(typing.cast("dict[object, object]", value), path)
            items = typing.cast("list[object]", value)
            return [walk(item, (*path, index)) for index, item in enumerate(items)]
        found = _scalar(value)
        if isinstance(found, RawProblem):
            problems.append(attrs.evolve(found, path=path))
            return None
        return found

    def walk_mapping(mapping: dict[object, object], path: Path) -> dict[str, object]:
        result: dict[str, object] = {}
        for given, item in mapping.items():
            key = str(given) if type(given) is int else given  # as JSON and YAML write {"7": ...}
            if type(key) is not str:
                problems.append(RawProblem("QT010", path, "value", tuple(_got(key).items())))
                continue
            name = key if key.isascii() else unicodedata.normalize("NFC", key)
            result[name] = walk(item, (*path, name))
        return result

    return walk(data, ()), problems
