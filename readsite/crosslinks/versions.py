"""Versions of one text: a syndicated copy, one podcast written up three times.

Two articles of a story are versions when much of the shorter one's run of content-word pairs
recurs in the other.  Each member is summed up by a bottom-k sketch of its pair hashes, made
only for story members (from the lines `stories.pack_sentences` kept), so loading an article
costs nothing for it and a story compares its members' sketches pair by pair.
"""

from __future__ import annotations

import heapq
import zlib
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import pairwise

from readsite.crosslinks.text import content_words

SKETCH_SIZE = 512
"""Word-pair hashes kept per article (2 KB): an article of up to ~1,000 words is kept whole,
so compared exactly; a longer one is compared on a sample of ≥ 256 of its pairs."""
MIN_SHARED_PAIRS = 12
"""Versions of one text share at least this many word pairs, whatever their share: in two
short notes a few common phrases would otherwise pass for a rewrite."""

def sketch(lines: Sequence[str]) -> bytes:
    """A bottom-k sketch of the article's content-word pairs: `array("I")` of the number of
    distinct pairs, then the `SKETCH_SIZE` smallest pair hashes, ascending.  crc32, not
    `hash()`, so that sketches agree across processes and builds (and can be cached)."""
    hashes: set[int] = set()
    for line in lines:
        words = content_words(line)
        hashes.update(zlib.crc32(f"{a} {b}".encode()) for a, b in pairwise(words))
    return array("I", [len(hashes), *heapq.nsmallest(SKETCH_SIZE, hashes)]).tobytes()


def containment(a: bytes, b: bytes) -> float:
    """Estimated share of the smaller article's word pairs found in the other.  Below the
    lower of the two sketches' largest hashes both sketches hold every pair their article
    has, so the smaller article's hashes there are a uniform sample of its pairs, each
    checked exactly against the other's (exact when both sketches are whole)."""
    first, second = array("I"), array("I")
    first.frombytes(a)
    second.frombytes(b)
    if len(first) < 2 or len(second) < 2:
        return 0.0
    if first[0] > second[0]:
        first, second = second, first
    limit = min(first[-1] if first[0] > len(first) - 1 else 0xFFFFFFFF,
                second[-1] if second[0] > len(second) - 1 else 0xFFFFFFFF)
    theirs = set(second[1:])
    sample = [h for h in first[1:] if h <= limit]
    return sum(1 for h in sample if h in theirs) / len(sample) if sample else 0.0


def versions(sketches: Mapping[int, bytes], members: Sequence[int], threshold: float
             ) -> list[list[int]]:
    """Within one story, groups of near-duplicates: members joined by a chain of pairs whose
    word-pair containment is at least `threshold`, and at least `MIN_SHARED_PAIRS` pairs (a
    copy of a copy is still a version; two short notes sharing a phrase are not)."""
    parent = {m: m for m in members}

    def root(m: int) -> int:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    sizes = {m: array("I", sketches[m][:4])[0] if sketches[m] else 0 for m in members}
    for k, a in enumerate(members):
        for b in members[k + 1:]:
            shared = containment(sketches[a], sketches[b])
            if shared >= threshold and shared * min(sizes[a], sizes[b]) >= MIN_SHARED_PAIRS:
                parent[max(root(a), root(b))] = min(root(a), root(b))
    groups: dict[int, list[int]] = defaultdict(list)
    for m in members:
        groups[root(m)].append(m)
    return sorted((sorted(g) for g in groups.values() if len(g) >= 2), key=lambda g: g[0])
