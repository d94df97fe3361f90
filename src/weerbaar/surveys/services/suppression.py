"""Small-cell suppression over every table published for one question at once, and the
attacker that checks it.

Published numbers are entries (grouping, row, column). They are tied by lines: the
answers of a row add up to its total, the rows of a table to its total row, and the rows
of the finest table (municipality x school type x year group) to each coarser row they
make up. A reader who knows all but one entry of a line knows that one too. So:

- primary: every entry under the threshold is hidden, an empty one too (suppressed and
  empty look the same);
- complementary: while some line has exactly one hidden entry, or hidden entries that
  together are under the threshold, the smallest shown entry of that line is hidden too.

``derivable`` is the reader: it solves every line with one unknown, again and again, across
all tables, and returns what it can compute. For a protected set it returns nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

TOTAL = "totaal"

Entry = tuple[str, str, str]  # (grouping, row, column)
Line = tuple[Entry, ...]  # parts..., then the total they add up to


def protect(values: Mapping[Entry, int], lines: Iterable[Line], threshold: int) -> set[Entry]:
    hidden = {entry for entry, value in values.items() if value < threshold}
    lines = list(lines)
    changed = True
    while changed:
        changed = False
        for line in lines:
            unknown = [e for e in line if e in hidden]
            # one hidden entry follows by subtraction; several hidden entries together
            # under the threshold form a small group of their own
            exposed = len(unknown) == 1 or 0 < sum(values[e] for e in unknown) < threshold
            shown = sorted((values[e], e) for e in line if e not in hidden)
            if not unknown or not exposed or not shown:
                continue
            hidden.add(shown[0][1])
            changed = True
    return hidden


def derivable(values: Mapping[Entry, int], hidden: set[Entry], lines: Iterable[Line]) -> set[Entry]:
    known = {e: v for e, v in values.items() if e not in hidden}
    lines = list(lines)
    found: set[Entry] = set()
    progress = True
    while progress:
        progress = False
        for line in lines:
            unknown = [e for e in line if e not in known]
            if len(unknown) != 1:
                continue
            (missing,) = unknown
            *parts, total = line
            if missing == total:
                known[missing] = sum(known[e] for e in parts)
            else:
                known[missing] = known[total] - sum(known[e] for e in parts if e != missing)
            found.add(missing)
            progress = True
    return found


@dataclass
class Table:
    """One grouping's view of the protected entries."""

    grouping: str
    rows: list[str]
    columns: list[str]
    values: Mapping[Entry, int]
    hidden: set[Entry]

    def shown(self, row: str, column: str) -> int | None:
        entry = (self.grouping, row, column)
        return None if entry in self.hidden else self.values.get(entry, 0)
