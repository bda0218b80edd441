"""Line a translation's paragraphs up with the English ones, by structure only.

The English paragraph's *fresh* identifier (what the reader gives it: ``op3``, ``pp2``,
``annex1-4``, ``h2``, ``fn1``) and the translation's, read by the same reader, name the same
place when the structure agrees. Rules, so nothing is aligned by a guess:

* numbered operative paragraphs (``op3``, ``op3-2``) pair by their printed number, whatever
  else differs; a number one text has and the other lacks is a mismatch;
* every other group is counted in order -- the preamble (``pp``), headings (``h``), each
  annex (``annex1-``), footnotes (``fn``), unnumbered operative paragraphs (``op-u``) -- and
  pairs only when both texts hold as many: otherwise the whole group is a mismatch and none
  of it is aligned (one preambular paragraph split in two would shift every one after it);
* a paired paragraph whose sub-paragraphs differ in number is kept, with a mismatch noted.

Example::

    >>> result = align([("op1", 0), ("op2", 2)], [("op1", 0), ("op2", 3)])
    >>> result.pairs, result.mismatches
    ({'op1': 0, 'op2': 1}, ['op2: 2 sub-paragraphs in English, 3 in this text'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

_NUMBERED = re.compile(r"^op\d+(?:-\d+)?$")  # op3, op1-2: printed operative numbers
_GROUP = re.compile(
    r"""
    ^(?P<group>pp|h|fn|op-u|annex\d+-)   # the positional group: preamble, headings, ...
    """,
    re.X,
)
_GROUP_NAMES = {
    "pp": "preambular paragraphs",
    "h": "headings",
    "fn": "footnotes",
    "op-u": "unnumbered operative paragraphs",
}


@dataclass
class Alignment:
    pairs: dict[str, int] = field(default_factory=dict)  # English fresh id -> index in text
    mismatches: list[str] = field(default_factory=list)


def _group(pid: str) -> str:
    if _NUMBERED.match(pid):
        return "op"
    found = _GROUP.match(pid)
    return found["group"] if found else pid


def _group_name(group: str) -> str:
    if group.startswith("annex"):
        return f"paragraphs of annex {group[5:-1]}"
    return _GROUP_NAMES.get(group, group)


def align(english: Sequence[tuple[str, int]], translation: Sequence[tuple[str, int]]) -> Alignment:
    """``english``: (fresh id, number of sub-paragraphs) per English paragraph; ``translation``
    the same for the translation, in its order. The pairs and every mismatch, in words."""
    result = Alignment()
    english_groups: dict[str, list[str]] = {}
    translated_groups: dict[str, list[str]] = {}
    for pid, _items in english:
        english_groups.setdefault(_group(pid), []).append(pid)
    for pid, _items in translation:
        translated_groups.setdefault(_group(pid), []).append(pid)
    index = {pid: i for i, (pid, _items) in enumerate(translation)}
    english_items = dict(english)

    numbered_en = english_groups.pop("op", [])
    numbered_tr = translated_groups.pop("op", [])
    missing = [pid for pid in numbered_en if pid not in index]
    extra = [pid for pid in numbered_tr if pid not in english_items]
    if missing:
        result.mismatches.append(f"operative {_numbers(missing)} not in this text")
    if extra:
        result.mismatches.append(f"operative {_numbers(extra)} not in the English text")
    for pid in numbered_en:
        if pid in index:
            result.pairs[pid] = index[pid]

    for group in sorted(set(english_groups) | set(translated_groups)):
        en, tr = english_groups.get(group, []), translated_groups.get(group, [])
        if len(en) != len(tr):
            result.mismatches.append(
                f"{_group_name(group)}: {len(en)} in English, {len(tr)} in this text; none aligned"
            )
            continue
        for pid_en, pid_tr in zip(en, tr, strict=True):
            result.pairs[pid_en] = index[pid_tr]

    for pid, at in result.pairs.items():
        items_en, items_tr = english_items[pid], translation[at][1]
        if items_en != items_tr:
            result.mismatches.append(
                f"{pid}: {items_en} sub-paragraphs in English, {items_tr} in this text"
            )
    return result


def _numbers(pids: list[str]) -> str:
    shown = ", ".join(pid[2:] for pid in pids[:10])
    more = f" and {len(pids) - 10} more" if len(pids) > 10 else ""
    word = "paragraph" if len(pids) == 1 else "paragraphs"
    return f"{word} {shown}{more}"
