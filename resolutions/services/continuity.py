"""Keep every published identifier on the text it named when a resolution is read again.

Identifiers are first assigned from the text and its order (``op31``, ``pp3``, ``annex1-7``,
``fn2``: see :mod:`resolutions.services.identifiers`). A corrected text from the UN, or a
better reader, can insert, remove or split paragraphs; assigned afresh, every later
positional id would then name another paragraph. So at every re-ingest the new paragraphs
are first matched to the stored ones, and a stored identifier stays with its text:

1. the same kind and the same text (typography aside): the stored id, the one at the same
   id first, else the nearest in order;
2. an operative paragraph keeps ``op<n>`` when the stored ``op<n>`` found no text of its
   own in step 1 (the UN's number names it; the text may have been corrected);
3. the paragraph whose fresh id a stored paragraph of the same kind held, when most of the
   text is the same (a corrected word) or one is a piece of the other (a paragraph held in
   part, from page texts, then whole);
4. any stored paragraph of the same kind still unmatched whose text is most alike (> 0.8);
5. otherwise the fresh id, if no paragraph ever held it, else the fresh id with a suffix
   (``pp3-2``): an id is never handed to a text it did not name.

Stored ids left without a text become aliases of the paragraph nearest their old place
(``sync.py``). Citations do not read numbers out of identifiers that may have been kept
this way: the view passes the paragraph's number, label and place.

Example: a corrected text inserts a preambular paragraph at the top::

    >>> stored = [("pp1", "preambular", "Recalling A,", 1), ("pp2", "preambular", "Noting B,", 2)]
    >>> fresh = [("pp1", "preambular", "Reaffirming C,"), ("pp2", "preambular", "Recalling A,"),
    ...          ("pp3", "preambular", "Noting B,")]
    >>> keep_published(fresh, stored=stored)
    {'pp1': 'pp1-2', 'pp2': 'pp1', 'pp3': 'pp2'}
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from resolutions.parsing.repair import normalize_typography

SIMILAR = 0.8


def _comparable(text: str) -> str:
    return " ".join(normalize_typography(text).split()).casefold()


def _ratio(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def _same_paragraph(new: str, old: str) -> bool:
    """Most of the text the same, or one a piece of the other: a paragraph the archive held
    only in part (it ran onto a page it lacked) and now holds whole, or the reverse."""
    if _ratio(new, old) > SIMILAR:
        return True
    shorter, longer = sorted((new, old), key=len)
    edge = min(len(shorter), 40)
    return edge >= 20 and (shorter[:edge] in longer or shorter[-edge:] in longer)


def keep_published(
    fresh: Sequence[tuple[str, str, str]],
    *,
    stored: Iterable[tuple[str, str, str, int]],
    retired: Iterable[str] = (),
    retiring: Iterable[str] = (),
) -> dict[str, str]:
    """The identifier each fresh paragraph takes: ``{fresh pid: pid to use}``.

    ``fresh`` holds (pid, kind, text) in order; ``stored`` (pid, kind, text, position) as
    the database holds them; ``retired`` are identifiers served once and now aliases;
    ``retiring`` those the plan itself turns into aliases of better ones (``pp-3``, counted
    from the end of a partial preamble, once the whole preamble gives ``pp22``).
    """
    retiring = set(retiring)
    old = {
        pid: (kind, _comparable(text), position)
        for pid, kind, text, position in stored
        if pid not in retiring
    }
    if not old:
        return {pid: pid for pid, _kind, _text in fresh}
    new = [(pid, kind, _comparable(text), index) for index, (pid, kind, text) in enumerate(fresh)]
    taken: dict[str, str] = {}  # fresh pid -> stored pid it keeps
    claimed: set[str] = set()

    def claim(fresh_pid: str, stored_pid: str) -> None:
        taken[fresh_pid] = stored_pid
        claimed.add(stored_pid)

    # 1. Same kind, same text: the same id first, then the nearest in order.
    by_text: dict[tuple[str, str], list[str]] = {}
    for pid, (kind, text, _position) in old.items():
        by_text.setdefault((kind, text), []).append(pid)
    for pid, kind, text, _index in new:
        candidates = [c for c in by_text.get((kind, text), []) if c not in claimed]
        if pid in candidates:
            claim(pid, pid)
    for pid, kind, text, index in new:
        if pid in taken:
            continue
        candidates = [c for c in by_text.get((kind, text), []) if c not in claimed]
        if candidates:
            claim(pid, min(candidates, key=lambda c: abs(old[c][2] - 1 - index)))
    # 2. and 3. The same id, for the same operative number or a text mostly the same.
    for pid, kind, text, _index in new:
        if pid in taken or pid in claimed or pid not in old or old[pid][0] != kind:
            continue
        if pid.startswith("op") or _same_paragraph(text, old[pid][1]):
            claim(pid, pid)
    # 4. The most alike of the stored paragraphs of its kind still unmatched.
    for pid, kind, text, _index in new:
        if pid in taken:
            continue
        scored = [
            (_ratio(text, other), other)
            for other, (other_kind, other_text, _p) in old.items()
            if other not in claimed and other_kind == kind
        ]
        best = max(scored, default=(0.0, ""))
        if best[0] > SIMILAR:
            claim(pid, best[1])
    # 5. A fresh id, never one that named another text.
    used = set(old) | set(retired) | retiring
    result: dict[str, str] = {}
    for pid, _kind, _text, _index in new:
        if pid in taken:
            result[pid] = taken[pid]
            continue
        candidate, suffix = pid, 1
        while candidate in used or candidate in claimed:
            suffix += 1
            candidate = f"{pid}-{suffix}"
        used.add(candidate)
        result[pid] = candidate
    return result
