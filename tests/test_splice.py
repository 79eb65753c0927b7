"""editing/splice.py: a change written into the text itself, so that comments, quoting, order and
line breaks stay as the person wrote them; what cannot be spliced safely is refused."""

from __future__ import annotations

from datetime import date, time

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from selvhjelp_cli.editing.splice import CannotSplice, Text, format_scalar, scalar_text

T = Text

# (what, the change, the text it gives): each was read and found to be what a careful hand would write.
SPLICED = [
    (
        'set existing',
        lambda: T("name: A\nvenue:\n  name: X  # c\n  address: Y\n").set(("venue",), "name", "Ny"),
        'name: A\nvenue:\n  name: Ny  # c\n  address: Y\n',
    ),
    ('set dq', lambda: T('name: "A"\n').set((), "name", "B"), 'name: "B"\n'),
    ('set sq', lambda: T("name: 'A'\n").set((), "name", "B"), "name: 'B'\n"),
    ('set empty', lambda: T("name: A\ntheme:\nx: 1\n").set((), "theme", "Sorg"), 'name: A\ntheme: Sorg\nx: 1\n'),
    ('set new root', lambda: T("name: A\nx: 1\n").set((), "theme", "Sorg"), 'name: A\nx: 1\ntheme: Sorg\n'),
    (
        'set new root crlf',
        lambda: T("name: A\r\nx: 1\r\n").set((), "theme", "Sorg"),
        'name: A\r\nx: 1\r\ntheme: Sorg\r\n',
    ),
    (
        'set new root dots',
        lambda: T("name: A\n...\n# tail\n").set((), "theme", "Sorg"),
        'name: A\ntheme: Sorg\n...\n# tail\n',
    ),
    ('set new root no nl', lambda: T("name: A").set((), "theme", "Sorg"), 'name: A\ntheme: Sorg\n'),
    (
        'set nested new',
        lambda: T("venue:\n    name: X\n    # note\nname: A\n").set(("venue",), "address", "Gata 1"),
        'venue:\n    name: X\n    address: Gata 1\n    # note\nname: A\n',
    ),
    ('set flow', lambda: T("venue: {name: X}\n").set(("venue",), "address", "G"), 'venue: {name: X, address: G}\n'),
    ('set flow empty', lambda: T("venue: {}\n").set(("venue",), "address", "G"), 'venue: {address: G}\n'),
    ('set dq special', lambda: T("name: A\n").set((), "name", "ja"), 'name: ja\n'),
    ('set hash', lambda: T("name: A\n").set((), "name", "a #b"), "name: 'a #b'\n"),
    ('set int', lambda: T("n: 1\n").set((), "n", 5), 'n: 5\n'),
    (
        'append block',
        lambda: T("participants:\n  - name: Ola\n    born: 1980\n# after\nx: 1\n").append(
            ("participants",), {"name": "Kari", "born": 1990}
        ),
        'participants:\n  - name: Ola\n    born: 1980\n  - name: Kari\n    born: 1990\n# after\nx: 1\n',
    ),
    (
        'append block quoted',
        lambda: T('participants:\n- name: "Ola"\n  born: 1980\n').append(
            ("participants",), {"name": "Kari", "born": 1990}
        ),
        'participants:\n- name: "Ola"\n  born: 1980\n- name: "Kari"\n  born: 1990\n',
    ),
    (
        'append flow',
        lambda: T("participants: [{name: Ola}]\n").append(("participants",), {"name": "Kari"}),
        'participants: [{name: Ola}, {name: Kari}]\n',
    ),
    (
        'append missing',
        lambda: T("name: A\n").append(("participants",), {"name": "Kari", "adult": True}),
        'name: A\nparticipants:\n  - name: Kari\n    adult: true\n',
    ),
    (
        'append empty',
        lambda: T("participants:   # none yet\nx: 1\n").append(("participants",), {"name": "Kari"}),
        'participants:   # none yet\n  - name: Kari\nx: 1\n',
    ),
    (
        'append tilde',
        lambda: T("participants: ~  # none yet\nx: 1\n").append(("participants",), {"name": "Kari"}),
        'participants: # none yet\n  - name: Kari\nx: 1\n',
    ),
    (
        'append []',
        lambda: T("participants: []\n").append(("participants",), {"name": "Kari"}),
        'participants:\n  - name: Kari\n',
    ),
    (
        'append style',
        lambda: T("starters:\n- name: S\n  meetings: 3\nname: A\n").append(("participants",), {"name": "Kari"}),
        'starters:\n- name: S\n  meetings: 3\nname: A\nparticipants:\n- name: Kari\n',
    ),
    (
        'append nested missing',
        lambda: T("schedule:\n  start: 18:00\nname: A\n").append(("schedule", "cancelled"), {"date": "2027-01-07"}),
        "schedule:\n  start: 18:00\n  cancelled:\n    - date: '2027-01-07'\nname: A\n",
    ),
    (
        'append flow map missing',
        lambda: T("schedule: {start: 18:00}\n").append(("schedule", "cancelled"), {"date": "2027-01-07"}),
        "schedule: {start: 18:00, cancelled: [{date: '2027-01-07'}]}\n",
    ),
    ('unset block', lambda: T("name: A\ntheme: B\nx: 1\n").unset((), "theme"), 'name: A\nx: 1\n'),
    ('unset missing', lambda: T("name: A\n").unset((), "theme"), 'name: A\n'),
    ('unset flow mid', lambda: T("v: {a: 1, b: 2, c: 3}\n").unset(("v",), "b"), 'v: {a: 1, c: 3}\n'),
    ('unset flow last', lambda: T("v: {a: 1, b: 2}\n").unset(("v",), "b"), 'v: {a: 1}\n'),
    ('unset dash line2', lambda: T("p:\n  - name: A\n    born: 1\n").unset(("p", 0), "born"), 'p:\n  - name: A\n'),
    (
        'remove mid',
        lambda: T("p:\n  - name: A\n  - name: B\n  - name: C\nx: 1\n").remove(("p", 1)),
        'p:\n  - name: A\n  - name: C\nx: 1\n',
    ),
    ('remove last one', lambda: T("p:  # people\n  - name: A\nx: 1\n").remove(("p", 0)), 'p: []  # people\nx: 1\n'),
    ('remove flow mid', lambda: T("p: [a, b, c]\n").remove(("p", 1)), 'p: [a, c]\n'),
    ('remove flow last', lambda: T("p: [a, b]\n").remove(("p", 1)), 'p: [a]\n'),
    ('remove flow only', lambda: T("p: [a]\n").remove(("p", 0)), 'p: []\n'),
    ('redefined anchor', lambda: T("a: &x 1\nb: &x 2\nc: 3\n").set((), "c", 4), 'a: &x 1\nb: &x 2\nc: 4\n'),
    ('an empty quoted value is replaced in its quotes', lambda: T("name: ''\n").set((), 'name', 'B'), "name: 'B'\n"),
    (
        'a block entry after a flow mapping item',
        lambda: T('p:\n  - {name: a}\n').append(('p',), {'name': 'b'}),
        'p:\n  - {name: a}\n  - name: b\n',
    ),
    (
        'a mapping after scalar items',
        lambda: T('p:\n  - a\n').append(('p',), {'name': 'b'}),
        'p:\n  - a\n  - name: b\n',
    ),
    ('after an empty item', lambda: T('p:\n  -\nx: 1\n').append(('p',), {'name': 'b'}), 'p:\n  -\n  - name: b\nx: 1\n'),
    ('the last item of a list in a list', lambda: T('p:\n  -\n    - a\n').remove(('p', 0, 0)), 'p:\n  -\n'),
    (
        'an empty list in a flow mapping',
        lambda: T('s: {cancelled: [], x: 1}\n').append(('s', 'cancelled'), {'date': 'd'}),
        's: {cancelled: [{date: d}], x: 1}\n',
    ),
    (
        'a null in a flow mapping',
        lambda: T('s: {cancelled: ~, x: 1}\n').append(('s', 'cancelled'), {'date': 'd'}),
        's: {cancelled: [{date: d}], x: 1}\n',
    ),
    (
        'a new key in an empty flow mapping',
        lambda: T('schedule: {}\n').append(('schedule', 'cancelled'), {'date': 'd'}),
        'schedule: {cancelled: [{date: d}]}\n',
    ),
    (
        'a file without a last line break',
        lambda: T('participants: ~').append(('participants',), {'name': 'K'}),
        'participants:\n  - name: K\n',
    ),
    (
        'an empty nested list',
        lambda: T('schedule:\n  cancelled: []\n  start: 18:00\n').append(('schedule', 'cancelled'), {'date': 'd'}),
        'schedule:\n  cancelled:\n    - date: d\n  start: 18:00\n',
    ),
    (
        "a new key after the file's last comment",
        lambda: T('name: A\n# slutt\n').set((), 'theme', 'X'),
        'name: A\n# slutt\ntheme: X\n',
    ),
    (
        "a new list after the file's last comment",
        lambda: T('name: A\n# slutt\n').append(('participants',), {'name': 'K'}),
        'name: A\n# slutt\nparticipants:\n  - name: K\n',
    ),
    (
        'the list style of a nested list',
        lambda: T('schedule:\n  cancelled:\n  - date: 2027-01-07\nname: A\n').append(('participants',), {'name': 'K'}),
        'schedule:\n  cancelled:\n  - date: 2027-01-07\nname: A\nparticipants:\n- name: K\n',
    ),
    (
        'the list style of a list inside a list item',
        lambda: T('a:\n  - b:\n      -   x\n').append(('participants',), {'name': 'K'}),
        'a:\n  - b:\n      -   x\nparticipants:\n  - name: K\n',
    ),
    (
        'the spacing after the dash',
        lambda: T('p:\n  -   name: A\n').append(('p',), {'name': 'B'}),
        'p:\n  -   name: A\n  -   name: B\n',
    ),
    (
        'quoting taken only from the same key',
        lambda: T("p:\n  - note: 'x'\n    name: Ola\n").append(('p',), {'name': 'Kari'}),
        "p:\n  - note: 'x'\n    name: Ola\n  - name: Kari\n",
    ),
    (
        "after a nested mapping's list",
        lambda: T('venue:\n  name: X\n  rooms:\n    - a\nname: A\n').set(('venue',), 'floor', '2'),
        "venue:\n  name: X\n  rooms:\n    - a\n  floor: '2'\nname: A\n",
    ),
    ('the first key of a flow mapping', lambda: T('v: {a: 1, b: 2}\n').unset(('v',), 'a'), 'v: {b: 2}\n'),
    ('the first item of a flow list', lambda: T('p: [a, b]\n').remove(('p', 0)), 'p: [b]\n'),
    ('a blank first line stays', lambda: T('\nname: A\ntheme: B\n').unset((), 'name'), '\ntheme: B\n'),
    ('old Mac line breaks', lambda: T('\rname: A\rtheme: B\r').unset((), 'name'), '\rtheme: B\r'),
]


@pytest.mark.parametrize("change, expected", [(c, e) for _w, c, e in SPLICED], ids=[w for w, _c, _e in SPLICED])
def test_a_change_is_written_into_the_text_as_a_careful_hand_would(change, expected):
    assert change().text == expected


# What cannot be changed without touching other lines (or the meaning of other places) is refused.
REFUSED = [
    ('set multiline', lambda: T("name: A\n  B\n").set((), "name", "C")),
    ('set block scalar', lambda: T("name: |\n  A\n").set((), "name", "C")),
    ('set not mapping', lambda: T("name: [a]\n").set(("name",), "x", "C")),
    ('set list value', lambda: T("name: [a]\n").set((), "name", "C")),
    ('set alias', lambda: T("a: &x {n: 1}\nb: *x\n").set(("b",), "n", 2)),
    ('append scalar', lambda: T("participants: Ola\n").append(("participants",), {"name": "Kari"})),
    ('unset only', lambda: T("venue:\n  name: X\n").unset(("venue",), "name")),
    ('unset dash line', lambda: T("p:\n  - name: A\n    born: 1\n").unset(("p", 0), "name")),
    ('unset multi', lambda: T("name: A\ntheme: B\n  C\nx: 1\n").unset((), "theme")),
    ('not mapping doc', lambda: T("- a\n").set((), "x", 1)),
    ('a list item where a key was meant', lambda: T('venue:\n  name: X\n').append(('venue', 0), {'a': 1})),
    (
        'an empty flow list over two lines',
        lambda: T('participants: [\n  ]\nx: 1\n').append(('participants',), {'name': 'K'}),
    ),
    ('unset under a missing key', lambda: T('a: 1\n').unset(('q',), 'x')),
    ('unset a list', lambda: T('a: [1]\nb: 2\n').unset((), 'a')),
    ('remove from a missing list', lambda: T('a: 1\n').remove(('q', 0))),
    ('an item sharing its line with the outer dash', lambda: T('p:\n  - - a\n    - b\n').remove(('p', 0, 0))),
    ('text after the key of the last item', lambda: T('p: &a\n  - a\n').remove(('p', 0))),
    ('a list inside a mapping that has an alias', lambda: T('a: &x\n  p: []\nb: *x\n').append(('a', 'p'), {'n': 1})),
]


@pytest.mark.parametrize("change", [c for _w, c in REFUSED], ids=[w for w, _c in REFUSED])
def test_what_cannot_be_spliced_safely_is_refused(change):
    with pytest.raises(CannotSplice):
        change()


@pytest.mark.parametrize("value, shown", [(True, "true"), (False, "false"), (time(9, 5), "09:05"),
                                          (date(2027, 1, 7), "2027-01-07"), (5, "5"), ("Ola", "Ola")])
def test_a_value_reads_as_the_loader_keeps_it(value, shown):
    assert scalar_text(value) == shown


@pytest.mark.parametrize("value, written", [
    ("Ola", "Ola"), ("null", "'null'"), ("ja", "ja"), ("18:00", "'18:00'"), (" a", "' a'"), ("a: b", "'a: b'"),
    ("a #b", "'a #b'"), ("2027-01-07", "'2027-01-07'"), ("", "''"), (7, "7"), (True, "true")])
def test_text_that_yaml_would_read_otherwise_is_quoted(value, written):
    assert format_scalar(value) == written


def test_the_file_s_own_quoting_is_kept():
    assert format_scalar("Ola", '"') == '"Ola"' and format_scalar("Ola", "'") == "'Ola'"


def test_the_line_breaks_of_the_file_are_kept():
    assert T("a: 1\r\n").newline == "\r\n" and T("a: 1\r").newline == "\r" and T("a: 1\n").newline == "\n"
    assert T("p:\r\n  - name: A\r\n").append(("p",), {"name": "B"}).text == "p:\r\n  - name: A\r\n  - name: B\r\n"


def test_a_block_scalar_s_own_line_breaks_do_not_move_what_follows():
    text = T("note: |\n  one\n  two\n\nname: A\n")
    assert text.set((), "theme", "Sorg").text == "note: |\n  one\n  two\n\nname: A\ntheme: Sorg\n"
    venue = T("venue:\n  note: |\n    one\n\nname: A\n").set(("venue",), "name", "X").text
    assert venue == "venue:\n  note: |\n    one\n  name: X\n\nname: A\n"


def test_an_empty_value_at_the_end_of_a_mapping_ends_where_its_key_ends():
    assert T("venue:\n  name: X\n  address:\nname: A\n").set(("venue",), "floor", "2").text == (
        "venue:\n  name: X\n  address:\n  floor: '2'\nname: A\n")


def test_a_list_inside_a_list_item_is_found_by_index():
    text = T("p:\n  - name: A\n  - name: B\n    born: 1\n")
    assert text.set(("p", 1), "born", 2).text == "p:\n  - name: A\n  - name: B\n    born: 2\n"
    assert text.find(("p", 2)) is None and text.find(("p", -1)) is None and text.find(("q",)) is None
    with pytest.raises(CannotSplice):
        text.set(("p", 5), "born", 2)
    with pytest.raises(CannotSplice):
        text.append(("p", 5, "x"), {"a": 1})  # under an item that is not there
    assert (
        text.append(("p", 0, "x"), {"a": 1}).text == "p:\n  - name: A\n    x:\n      - a: 1\n  - name: B\n    born: 1\n"
    )


def test_the_removed_entry_of_a_list_under_a_list_item_leaves_its_key_empty():
    text = T("schedule:\n  cancelled:\n    - date: 2027-01-07\n  start: 18:00\n")
    assert text.remove(("schedule", "cancelled", 0)).text == "schedule:\n  cancelled: []\n  start: 18:00\n"


def test_a_list_entry_that_shares_its_key_s_line_is_refused():
    with pytest.raises(CannotSplice):
        T("p: - a\n").remove(("p", 0))  # not a list at all: a plain value
    with pytest.raises(CannotSplice):
        T("p:\n  - a\nq: 1\n").remove(("q", 0))
    with pytest.raises(CannotSplice):
        T("p:   - a\n").remove(("p", 0))


@pytest.mark.parametrize("text, change", [
    ("a: &x\n  n: 1\nb: *x\n", lambda t: t.set(("a",), "n", 2)),  # would change b too
    ("a: &x\n  n: 1\nb: *x\n", lambda t: t.unset(("b",), "n")),
    ("c: [&y {n: 1}, *y]\n", lambda t: t.append(("c",), {"n": 3})),  # the alias stands where the anchor is
    ("c: [&y {n: 1}, *y]\n", lambda t: t.remove(("c", 0))),  # would take the anchor from the alias
    ("c: [&y {n: 1}, *y]\n", lambda t: t.remove(("c", 1))),
    ("a: &n 1\nb: *n\n", lambda t: t.set((), "b", 2)),  # a scalar's alias: the anchor's text would change
    ("a: &n 1\nb: *n\nc: 3\n", lambda t: t.unset((), "a")),
    ("a: &n 1\nb: *n\nc: 3\n", lambda t: t.unset((), "b")),
    ("v: {a: &n 1, b: *n}\n", lambda t: t.unset(("v",), "b")),
    ("v:\n  a: &n 1\n  b: *n\n", lambda t: t.set(("v",), "c", 3)),  # its end is read through the alias
])
def test_anchors_and_aliases_are_never_changed_through_either_name(text, change):
    with pytest.raises(CannotSplice):
        change(T(text))


def test_outside_the_anchor_and_its_aliases_the_file_can_still_change():
    assert T("a: &n 1\nb: *n\nv:\n  x: 1\n").set(("v",), "x", 2).text == "a: &n 1\nb: *n\nv:\n  x: 2\n"


def test_the_composer_s_refusal_is_one_refusal():
    with pytest.raises(CannotSplice):
        T("a: *nowhere\n").set((), "b", 1)
    with pytest.raises(CannotSplice):
        T("a: [\n").set((), "b", 1)


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                min_size=1, max_size=20)


@settings(max_examples=60, deadline=None)
@given(st.lists(names, max_size=4), names, st.sampled_from(["", "# people\n", "x: 1\n"]))
def test_appending_gives_the_data_it_means_and_keeps_every_other_line(existing, new, tail):
    body = "".join(f"  - name: {format_scalar(n)}\n" for n in existing)
    text = "participants:" + ("\n" + body if existing else " []\n") + tail
    spliced = T(text).append(("participants",), {"name": new}).text
    data = yaml.safe_load(spliced)
    assert [p["name"] for p in data["participants"]] == [*existing, new]
    assert spliced.endswith(tail)


def test_a_value_and_its_quotes_for_every_kind_the_editor_writes():
    assert format_scalar(time(18, 0)) == '"18:00"' and format_scalar(time(9, 5), "'") == "'09:05'"
    assert format_scalar(date(2027, 1, 7)) == "2027-01-07"
    assert format_scalar("Åse Ødegård") == "Åse Ødegård"  # never escaped


def test_an_anchor_named_twice_is_read_as_yaml_1_2_reads_it(monkeypatch):
    from selvhjelp_cli.editing import splice

    text = "v:\n  a: &x 1\n  b: &x 2\n  c: *x\nd:\n  e: 4\n"
    for loader in (yaml.SafeLoader, splice._Loader):
        monkeypatch.setattr(splice, "_Loader", loader)
        assert T(text).set(("d",), "e", 5).text == text.replace("e: 4", "e: 5")
        with pytest.raises(CannotSplice):
            T(text).set(("v",), "c", 3)  # c is the alias of b's value, the later anchor of the two


def test_only_a_mapping_s_values_have_keys_and_only_a_mapping_document_is_read():
    from selvhjelp_cli.editing.splice import _Where

    with pytest.raises(CannotSplice):
        _Where(yaml.ScalarNode("tag:yaml.org,2002:str", "a"), None).key_node()
    with pytest.raises(CannotSplice):
        T("- a\n").root  # noqa: B018 - reading it is the test
    assert T("a: 1\n").find(("q", "x")) is None and T("p: [a]\n").find(("p", "x")) is None
