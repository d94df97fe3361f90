"""Results of a round: per question and group (municipality, school type, year group, or
their cross), counts with small cells suppressed (complementary too), shares with Wilson
intervals, unweighted and weighted. Only aggregates ever leave this module."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from weerbaar.areas.services import selectors as areas
from weerbaar.surveys.models import Response, WeightSet
from weerbaar.surveys.services import stats, suppression
from weerbaar.surveys.services.questionnaires import RATHER_NOT


def area_sets() -> dict[str, dict[str, set[str]]]:
    """Provinces and the regions made in Weerbaar, as sets of municipality codes: every
    published table of a question, these included, is protected together."""
    provinces = {p.code: set(areas.descendant_codes(p.code, "gemeente")) for p in areas.provinces()}
    regions = {
        r.slug: {m.code for m in r.members.all()}
        for r in areas.regions().prefetch_related("members")
    }
    return {"provincie": provinces, "regio": regions}


def threshold() -> int:
    return int(getattr(settings, "WEERBAAR_SURVEY_MIN_CELL", 10))


def school_threshold() -> int:
    return int(getattr(settings, "WEERBAAR_SURVEY_MIN_SCHOOL", 25))


@dataclass(frozen=True)
class Respondent:
    municipality: str
    school_type: str
    year_group: int
    school_id: int
    answers: dict[str, list[str]]

    @property
    def cell(self) -> str:
        return f"{self.school_type}|{self.year_group}"

    @property
    def finest(self) -> str:
        """The finest published cell: municipality, school type and year group."""
        return f"{self.municipality}|{self.school_type}|{self.year_group}"


def respondents(
    round_ids: Iterable[int], municipalities: Sequence[str] | None = None
) -> list[Respondent]:
    rows = Response.objects.filter(round_id__in=list(round_ids))
    if municipalities is not None:
        rows = rows.filter(school__municipality_code__in=list(municipalities))
    return [
        Respondent(code, kind, year, school, answers)
        for code, kind, year, school, answers in rows.values_list(
            "school__municipality_code", "school__school_type", "year_group", "school_id", "answers"
        )
    ]


def weights(people: Sequence[Respondent], weight_set: WeightSet | None) -> list[float | None]:
    """Post-stratification on school type x year group: population share / sample share.
    A respondent in a cell the weights do not know gets None (left out of weighted figures)."""
    if weight_set is None or not people:
        return [None] * len(people)
    sample = Counter(p.cell for p in people)
    total = len(people)
    shares = {str(k): float(v) for k, v in weight_set.shares.items()}
    return [shares[p.cell] / (sample[p.cell] / total) if p.cell in shares else None for p in people]


@dataclass
class OptionFigures:
    option: str
    count: int | None  # None: suppressed (or empty)
    share: stats.Share | None
    weighted: stats.Share | None


@dataclass
class GroupRow:
    group: str
    answered: int | None
    options: list[OptionFigures]


@dataclass
class QuestionResult:
    key: str
    text: str
    options: dict[str, str]
    grouping: str
    rows: list[GroupRow]
    total: GroupRow
    table: suppression.Table
    refused: stats.Share | None = None  # share "zeg ik liever niet" overall
    notes: list[str] = field(default_factory=list)


FINEST = "gemeente-schoolsoort-leerjaar"
GRAND = "*"  # the grand total is one number, whichever table shows it


def _cells(
    question: dict[str, Any], people: Sequence[Respondent], options: list[str]
) -> tuple[dict[str, Counter[str]], dict[str, list[Respondent]], int, int]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    members: dict[str, list[Respondent]] = defaultdict(list)
    refused = asked = 0
    for person in people:
        given = person.answers.get(question["key"])
        if not given:
            continue
        asked += 1
        if RATHER_NOT in given:
            refused += 1
            continue
        cell = person.finest
        members[cell].append(person)
        counts[cell][TOTAL_COLUMN] += 1
        for option in given:
            if option in options:
                counts[cell][option] += 1
    return counts, members, refused, asked


TOTAL_COLUMN = suppression.TOTAL


#: groupings whose rows are sets of municipalities (provinces, regions); they may overlap
AreaSets = Mapping[str, Mapping[str, set[str]]]


def _rows_of(cells: list[str], area_sets: AreaSets) -> dict[str, dict[str, list[str]]]:
    """Per grouping, its rows and the finest cells each row is made of."""
    found: dict[str, dict[str, list[str]]] = {}
    for grouping, parts in GROUPINGS.items():
        mapping: dict[str, list[str]] = defaultdict(list)
        for cell in cells:
            mapping[parts(cell)].append(cell)
        found[grouping] = dict(sorted(mapping.items()))
    for grouping, sets in area_sets.items():
        rows = {
            row: [c for c in cells if c.split("|")[0] in codes]
            for row, codes in sorted(sets.items())
        }
        found[grouping] = {row: members for row, members in rows.items() if members}
    return found


def _count(counts: Mapping[str, Counter[str]], cell: str, column: str) -> int:
    if column.startswith("niet:"):  # pupils who did not tick an option of a multiple choice
        return counts[cell][TOTAL_COLUMN] - counts[cell][column[5:]]
    return counts[cell][column]


def _lines(
    rows_of: dict[str, dict[str, list[str]]],
    cells: list[str],
    options: list[str],
    multiple: bool,
    overlapping: set[str],
) -> list[suppression.Line]:
    columns = options + ([f"niet:{o}" for o in options] if multiple else [])
    lines: list[suppression.Line] = []
    for grouping, rows in [*rows_of.items(), (GRAND, {TOTAL_COLUMN: cells})]:
        for row in rows:
            if multiple:
                lines += [
                    (
                        (grouping, row, o),
                        (grouping, row, f"niet:{o}"),
                        (grouping, row, TOTAL_COLUMN),
                    )
                    for o in options
                ]
            else:
                lines.append(
                    (*((grouping, row, o) for o in options), (grouping, row, TOTAL_COLUMN))
                )
    for grouping, rows in rows_of.items():
        if not rows:  # nobody answered: no table, and nothing ties the grand total
            continue
        for column in [*columns, TOTAL_COLUMN]:
            if grouping not in overlapping:  # regions overlap and need not cover everyone
                lines.append(
                    (*((grouping, row, column) for row in rows), (GRAND, TOTAL_COLUMN, column))
                )
            if grouping == FINEST:
                continue
            lines += [
                (*((FINEST, c, column) for c in members), (grouping, row, column))
                for row, members in rows.items()
            ]
    return lines


def published_entries(
    question: dict[str, Any],
    counts: Mapping[str, Counter[str]],
    options: list[str],
    area_sets: AreaSets | None = None,
) -> tuple[dict[suppression.Entry, int], list[suppression.Line], dict[str, dict[str, list[str]]]]:
    """Every number the tables of one question publish, and the lines that tie them."""
    multiple = question["kind"] == "multiple"
    columns = [*options, *([f"niet:{o}" for o in options] if multiple else []), TOTAL_COLUMN]
    cells = sorted(counts)
    area_sets = area_sets or {}
    rows_of = _rows_of(cells, area_sets)
    values: dict[suppression.Entry, int] = {
        (grouping, row, column): sum(_count(counts, c, column) for c in members)
        for grouping, rows in rows_of.items()
        for row, members in rows.items()
        for column in columns
    }
    for column in columns:
        values[(GRAND, TOTAL_COLUMN, column)] = sum(_count(counts, c, column) for c in cells)
    return values, _lines(rows_of, cells, options, multiple, set(area_sets)), rows_of


#: per grouping, the row a finest cell ("GM0014|vmbo|2") belongs to
GROUPINGS: dict[str, Callable[[str], str]] = {
    "gemeente": lambda cell: cell.split("|")[0],
    "schoolsoort": lambda cell: cell.split("|")[1],
    "leerjaar": lambda cell: cell.split("|")[2],
    FINEST: lambda cell: cell,
}


def question_results(
    question: dict[str, Any],
    people: Sequence[Respondent],
    person_weights: Sequence[float | None] | None = None,
    least: int | None = None,
    area_sets: AreaSets | None = None,
) -> dict[str, QuestionResult]:
    """The question's table in every grouping, protected together: no subtraction within
    or across them gives back a hidden number."""
    least = threshold() if least is None else least
    options = [o for o in question["options"] if o != RATHER_NOT]
    counts, members, refused, asked = _cells(question, people, options)
    values, lines, rows_of = published_entries(question, counts, options, area_sets)
    hidden = suppression.protect(values, lines, least)
    # weights depend on school type and year group only, so every pupil of a finest cell
    # weighs the same: weighted figures add up per cell instead of per pupil
    weight_of_cell = _cell_weights(members, people, person_weights)
    found: dict[str, QuestionResult] = {}
    refused_share = (
        stats.wilson(refused, asked) if refused >= least and asked - refused >= least else None
    )
    for grouping, rows in rows_of.items():
        table = suppression.Table(grouping, list(rows), [*options, TOTAL_COLUMN], values, hidden)
        result_rows = []
        for row, cells in rows.items():
            result_rows.append(_row(row, table, options, cells, counts, weight_of_cell))
        grand = suppression.Table(GRAND, [TOTAL_COLUMN], [*options, TOTAL_COLUMN], values, hidden)
        total = _row(TOTAL_COLUMN, grand, options, list(counts), counts, weight_of_cell)
        found[grouping] = QuestionResult(
            question["key"],
            question["text"],
            question["options"],
            grouping,
            result_rows,
            total,
            table,
            refused=refused_share,
        )
    return found


def _cell_weights(
    members: Mapping[str, list[Respondent]],
    people: Sequence[Respondent],
    person_weights: Sequence[float | None] | None,
) -> dict[str, float | None]:
    if person_weights is None:
        return {cell: None for cell in members}
    by_person = {id(p): w for p, w in zip(people, person_weights, strict=True)}
    return {cell: by_person[id(found[0])] for cell, found in members.items() if found}


def _row(
    row: str,
    table: suppression.Table,
    options: list[str],
    cells: Sequence[str],
    counts: Mapping[str, Counter[str]],
    weight_of_cell: Mapping[str, float | None],
) -> GroupRow:
    answered = table.shown(row, TOTAL_COLUMN)
    weighted_cells: list[tuple[str, float]] = [
        (c, w) for c in cells if (w := weight_of_cell.get(c)) is not None
    ]
    total = sum(w * counts[c][TOTAL_COLUMN] for c, w in weighted_cells)
    squares = sum(w * w * counts[c][TOTAL_COLUMN] for c, w in weighted_cells)
    figures = []
    for option in options:
        count = table.shown(row, option)
        share = stats.wilson(count, answered) if count is not None and answered else None
        weighted = None
        if share is not None and weighted_cells:
            yes = sum(w * counts[c][option] for c, w in weighted_cells)
            weighted = stats.from_sums(total, squares, yes)
        figures.append(OptionFigures(option, count, share, weighted))
    return GroupRow(row, answered, figures)


def latest_weights() -> WeightSet | None:
    return WeightSet.objects.order_by("-created_at", "-version", "-pk").first()


EXPORT_HEADER = [
    "vraag",
    "indeling",
    "groep",
    "antwoord",
    "aantal",
    "beantwoord",
    "aandeel",
    "ondergrens",
    "bovengrens",
    "gewogen_aandeel",
    "gewogen_ondergrens",
    "gewogen_bovengrens",
]


def export_rows(found: Sequence[QuestionResult]) -> list[list[object]]:
    """Aggregates only, suppressed cells empty: the same numbers as the page."""
    rows: list[list[object]] = []
    for result in found:
        for row in [*result.rows, result.total]:
            for figure in row.options:
                share, weighted = figure.share, figure.weighted
                rows.append(
                    [
                        result.key,
                        result.grouping,
                        row.group,
                        figure.option,
                        figure.count,
                        row.answered,
                        share.share if share else None,
                        share.lower if share else None,
                        share.upper if share else None,
                        weighted.share if weighted else None,
                        weighted.lower if weighted else None,
                        weighted.upper if weighted else None,
                    ]
                )
    return rows
