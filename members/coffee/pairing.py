"""Randomised Coffee Trials: who meets whom in a round. A pure function of its input and a seeded
random.Random, with no database, so its rules can be checked over thousands of random rounds.

Rules, strongest first:
1. Nobody is grouped with someone they met within the no-repeat window (`recent`). Never broken:
   a person who cannot be placed without a repeat sits this round out (`unpaired`).
2. As few people as possible sit out. Groups are pairs; when an odd number take part, one group has three.
3. Among the groupings that satisfy 1 and 2, the lowest cost: an online-only person with an
   in-person-only person costs most, then people who want to meet in person living in different
   regions, then people who met in an earlier round outside the window (`earlier`).
4. Ties are broken at random.
"""

import random
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations

ONLINE = "online"
IN_PERSON = "in_person"
EITHER = "either"

MODE_CLASH = 8
REGIONS_APART = 3
MET_BEFORE = 2
# Up to this many people the best grouping is found exactly; above it, by repeated randomised greedy passes.
EXACT_LIMIT = 10
GREEDY_ATTEMPTS = 20


@dataclass(frozen=True)
class Participant:
    id: int
    mode: str = EITHER
    # Anything that compares equal for the same region (the region's translation key).
    region: object = None


@dataclass
class Draw:
    groups: list = field(default_factory=list)  # tuples of participant ids
    unpaired: list = field(default_factory=list)  # ids of people who sit this round out

    def cost(self, rules):
        return sum(rules.cost(group) for group in self.groups)


def pair(a, b):
    return frozenset((a, b))


def meeting_mode(people):
    """How a group meets: in person when nobody wants online only and either someone wants in person
    or they all share a region; online otherwise."""
    modes = {p.mode for p in people}
    regions = {p.region for p in people}
    if ONLINE in modes:
        return ONLINE
    if IN_PERSON in modes or (len(regions) == 1 and None not in regions):
        return IN_PERSON
    return ONLINE


class Rules:
    def __init__(self, participants, recent, earlier):
        self.by_id = {p.id: p for p in participants}
        self.recent = recent
        self.earlier = earlier
        self._costs = {}

    def allowed(self, ids):
        return all(pair(a, b) not in self.recent for a, b in combinations(ids, 2))

    def cost(self, ids):
        key = frozenset(ids)
        if key not in self._costs:
            self._costs[key] = self._cost(ids)
        return self._costs[key]

    def _cost(self, ids):
        people = [self.by_id[i] for i in ids]
        modes = {p.mode for p in people}
        regions = {p.region for p in people}
        total = MET_BEFORE * sum(pair(a, b) in self.earlier for a, b in combinations(ids, 2))
        if ONLINE in modes and IN_PERSON in modes:
            total += MODE_CLASH
        elif IN_PERSON in modes and (len(regions) > 1 or None in regions):
            total += REGIONS_APART
        return total


def draw(participants, recent=frozenset(), earlier=frozenset(), rng=None):
    """Group the participants for one round. `recent` and `earlier` are sets of frozenset pairs of ids."""
    rng = rng or random.Random()  # noqa: S311 (fairness, not secrecy: the seed is stored to explain a draw)
    people = sorted(participants, key=lambda p: p.id)
    if len({p.id for p in people}) != len(people):
        raise ValueError("Each participant may appear only once.")
    rng.shuffle(people)
    rules = Rules(people, frozenset(recent), frozenset(earlier))
    ids = [p.id for p in people]
    if len(ids) < 2:
        return Draw([], ids)
    if len(ids) <= EXACT_LIMIT:
        return _exact(ids, rules, rng)
    best = None
    for _attempt in range(GREEDY_ATTEMPTS if len(ids) <= 200 else 5):
        result = _greedy(ids, rules, rng)
        score = (len(result.unpaired), result.cost(rules))
        if best is None or score < best[0]:
            best = (score, result)
        if score == (0, 0):
            break
    return best[1]


def _exact(ids, rules, rng):
    """The best grouping by exhaustive search over who is left, for small rounds."""
    n = len(ids)

    @cache
    def best(remaining, triple_used):
        # Returns (people left out, cost, tie-break, groups) for the people in `remaining` (a tuple of indexes).
        if not remaining:
            return (0, 0, ())
        first, rest = remaining[0], remaining[1:]
        left_out = best(rest, triple_used)
        options = [(left_out[0] + 1, left_out[1], left_out[2])]
        for j, other in enumerate(rest):
            group = (ids[first], ids[other])
            if rules.allowed(group):
                sub = best(rest[:j] + rest[j + 1 :], triple_used)
                options.append((sub[0], sub[1] + rules.cost(group), ((first, other), *sub[2])))
        if not triple_used:
            for j, k in combinations(range(len(rest)), 2):
                group = (ids[first], ids[rest[j]], ids[rest[k]])
                if rules.allowed(group):
                    others = tuple(x for i, x in enumerate(rest) if i not in (j, k))
                    sub = best(others, True)
                    options.append((sub[0], sub[1] + rules.cost(group), ((first, rest[j], rest[k]), *sub[2])))
        return min(options, key=lambda option: (option[0], option[1]))

    _count, _cost, groups = best(tuple(range(n)), False)
    chosen = [tuple(ids[i] for i in group) for group in groups]
    placed = {i for group in chosen for i in group}
    rng.shuffle(chosen)
    return Draw(chosen, [i for i in ids if i not in placed])


def _greedy(ids, rules, rng):
    """One randomised pass: each person in a random order takes the cheapest allowed partner still free."""
    free = list(ids)
    rng.shuffle(free)
    groups, stuck = [], []
    while len(free) >= 2:
        person = free.pop(0)
        index = _cheapest_partner(person, free, rules, rng)
        if index is None:
            stuck.append(person)
            continue
        groups.append((person, free.pop(index)))
    stuck.extend(free)
    stuck = _swap_in(groups, stuck, rules)
    if stuck:
        # One person left over (or several who cannot meet each other): one may make a group of three.
        for person in list(stuck):
            places = [(rules.cost((*g, person)), i) for i, g in enumerate(groups) if rules.allowed((*g, person))]
            if places:
                _cost, index = min(places)
                groups[index] = (*groups[index], person)
                stuck.remove(person)
                break
    return Draw(groups, stuck)


def _cheapest_partner(person, free, rules, rng):
    """The index in `free` of a random cheapest allowed partner, or None. `free` is in random order,
    so the first partner who costs nothing is a fair random pick and the search can stop there."""
    options = []
    for i, other in enumerate(free):
        if not rules.allowed((person, other)):
            continue
        cost = rules.cost((person, other))
        if cost == 0:
            return i
        options.append((cost, i))
    if not options:
        return None
    lowest = min(cost for cost, _i in options)
    return rng.choice([i for cost, i in options if cost == lowest])


def _swap_in(groups, stuck, rules):
    """Two people left over who may not meet: split a pair so that each of them meets one of its members."""
    changed = True
    while changed and len(stuck) >= 2:
        changed = False
        for x, y in combinations(stuck, 2):
            for i, (c, d) in enumerate(groups):
                for a, b in ((c, d), (d, c)):
                    if rules.allowed((x, a)) and rules.allowed((y, b)):
                        groups[i] = (x, a)
                        groups.append((y, b))
                        stuck = [s for s in stuck if s not in (x, y)]
                        changed = True
                        break
                if changed:
                    break
            if changed:
                break
    return stuck
