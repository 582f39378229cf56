"""The pairing rules of Randomised Coffee Trials, checked over many random rounds with hypothesis."""

import random
from collections import Counter
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from members.coffee import pairing
from members.coffee.pairing import EITHER, IN_PERSON, ONLINE, Participant, Rules

REGIONS = ["north", "south", "wales", "scotland", None]


@st.composite
def rounds(draw, min_size=0, max_size=40, modes=(ONLINE, IN_PERSON, EITHER), history=True):
    n = draw(st.integers(min_size, max_size))
    people = [Participant(i, draw(st.sampled_from(modes)), draw(st.sampled_from(REGIONS))) for i in range(n)]
    all_pairs = [pairing.pair(a, b) for a, b in combinations(range(n), 2)]
    recent = set(draw(st.lists(st.sampled_from(all_pairs), max_size=2 * n))) if history and all_pairs else set()
    earlier = set(draw(st.lists(st.sampled_from(all_pairs), max_size=2 * n))) if history and all_pairs else set()
    seed = draw(st.integers(0, 2**32))
    return people, recent, earlier - recent, seed


def check_partition(people, result):
    placed = [i for group in result.groups for i in group]
    everyone = Counter(placed + list(result.unpaired))
    assert sorted(everyone) == sorted(p.id for p in people)
    assert all(count == 1 for count in everyone.values()), "someone is in two places"


@settings(max_examples=300, deadline=None)
@given(rounds())
def test_everyone_is_in_exactly_one_group_or_sits_out(case):
    people, recent, earlier, seed = case
    result = pairing.draw(people, recent, earlier, random.Random(seed))
    check_partition(people, result)


@settings(max_examples=300, deadline=None)
@given(rounds())
def test_nobody_meets_someone_from_the_no_repeat_window(case):
    people, recent, earlier, seed = case
    result = pairing.draw(people, recent, earlier, random.Random(seed))
    for group in result.groups:
        for a, b in combinations(group, 2):
            assert pairing.pair(a, b) not in recent


@settings(max_examples=300, deadline=None)
@given(rounds())
def test_groups_are_pairs_with_one_group_of_three_only_when_the_count_is_odd(case):
    people, recent, earlier, seed = case
    result = pairing.draw(people, recent, earlier, random.Random(seed))
    sizes = Counter(len(group) for group in result.groups)
    assert set(sizes) <= {2, 3}
    placed = sum(len(group) for group in result.groups)
    assert sizes[3] == (1 if placed % 2 else 0)


@settings(max_examples=200, deadline=None)
@given(rounds(history=False))
def test_without_history_everyone_is_paired_and_the_odd_one_joins_a_three(case):
    people, recent, earlier, seed = case
    result = pairing.draw(people, recent, earlier, random.Random(seed))
    if len(people) < 2:
        assert result.groups == []
        assert result.unpaired == [p.id for p in people]
    else:
        assert result.unpaired == []
        assert sum(len(g) == 3 for g in result.groups) == len(people) % 2


@settings(max_examples=300, deadline=None)
@given(rounds())
def test_people_sit_out_only_when_no_allowed_place_is_left_for_them(case):
    people, recent, earlier, seed = case
    result = pairing.draw(people, recent, earlier, random.Random(seed))
    rules = Rules(people, recent, earlier)
    for a, b in combinations(result.unpaired, 2):
        assert not rules.allowed((a, b)), f"{a} and {b} both sat out but could have met"
    if not any(len(group) == 3 for group in result.groups):
        for person in result.unpaired:
            for group in result.groups:
                assert not rules.allowed((*group, person)), f"{person} could have joined {group}"


def brute_force_fewest_left_out(ids, rules):
    """Every way to split up to 8 people, for comparison with the real search."""
    best = len(ids)

    def walk(remaining, triple_used, left_out):
        nonlocal best
        if not remaining:
            best = min(best, left_out)
            return
        first, rest = remaining[0], remaining[1:]
        walk(rest, triple_used, left_out + 1)
        for j, other in enumerate(rest):
            if rules.allowed((first, other)):
                walk(rest[:j] + rest[j + 1 :], triple_used, left_out)
        if not triple_used:
            for j, k in combinations(range(len(rest)), 2):
                if rules.allowed((first, rest[j], rest[k])):
                    walk([x for i, x in enumerate(rest) if i not in (j, k)], True, left_out)

    walk(list(ids), False, 0)
    return best


@settings(max_examples=200, deadline=None)
@given(rounds(max_size=8))
def test_small_rounds_leave_out_as_few_people_as_possible(case):
    people, recent, earlier, seed = case
    result = pairing.draw(people, recent, earlier, random.Random(seed))
    rules = Rules(people, recent, earlier)
    assert len(result.unpaired) == brute_force_fewest_left_out([p.id for p in people], rules)


@st.composite
def in_person_rounds(draw):
    n = draw(st.integers(2, 60))
    people = [Participant(i, IN_PERSON, draw(st.sampled_from(REGIONS[:4]))) for i in range(n)]
    return people, draw(st.integers(0, 2**32))


@settings(max_examples=200, deadline=None)
@given(in_person_rounds())
def test_in_person_groups_stay_within_a_region_whenever_the_numbers_allow(case):
    people, seed = case
    result = pairing.draw(people, rng=random.Random(seed))
    region = {p.id: p.region for p in people}
    mixed = [g for g in result.groups if len({region[i] for i in g}) > 1]
    odd_regions = sum(1 for count in Counter(region.values()).values() if count % 2)
    # Only the odd person out of a region ever needs to travel: at most one mixed group per such region.
    assert len(mixed) <= odd_regions
    if odd_regions == 0:
        assert mixed == []


@settings(max_examples=100, deadline=None)
@given(rounds(max_size=30))
def test_the_same_seed_gives_the_same_round(case):
    people, recent, earlier, seed = case
    first = pairing.draw(people, recent, earlier, random.Random(seed))
    again = pairing.draw(list(reversed(people)), recent, earlier, random.Random(seed))
    assert first.groups == again.groups
    assert first.unpaired == again.unpaired


def test_online_only_and_in_person_only_people_are_kept_apart_when_possible():
    people = [Participant(1, ONLINE), Participant(2, IN_PERSON, "wales"), Participant(3, ONLINE)]
    people += [Participant(4, IN_PERSON, "wales")]
    for seed in range(50):
        groups = {frozenset(g) for g in pairing.draw(people, rng=random.Random(seed)).groups}
        assert groups == {frozenset({1, 3}), frozenset({2, 4})}


def test_people_who_met_long_ago_are_paired_only_if_nobody_new_is_available():
    people = [Participant(i) for i in range(4)]
    earlier = {pairing.pair(0, 1), pairing.pair(2, 3)}
    for seed in range(50):
        groups = {frozenset(g) for g in pairing.draw(people, earlier=earlier, rng=random.Random(seed)).groups}
        assert frozenset({0, 1}) not in groups
        assert frozenset({2, 3}) not in groups


def test_the_draw_is_random_not_fixed():
    people = [Participant(i) for i in range(12)]
    outcomes = {
        tuple(sorted(map(tuple, map(sorted, pairing.draw(people, rng=random.Random(s)).groups)))) for s in range(20)
    }
    assert len(outcomes) > 10


def test_a_participant_listed_twice_is_refused():
    import pytest

    with pytest.raises(ValueError, match="only once"):
        pairing.draw([Participant(1), Participant(1)])


def test_large_rounds_pair_everyone():
    people = [Participant(i, random.Random(i).choice([ONLINE, IN_PERSON, EITHER]), REGIONS[i % 4]) for i in range(501)]
    result = pairing.draw(people, rng=random.Random(7))
    check_partition(people, result)
    assert result.unpaired == []
    assert sum(len(g) == 3 for g in result.groups) == 1
