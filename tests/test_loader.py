"""The loader: safe YAML, line numbers, Norwegian messages, nothing escapes."""

from __future__ import annotations

import resource
from datetime import date
from datetime import time as clock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selvhjelp_cli.core.errors import InvalidFile, UserError
from selvhjelp_cli.core.source import parse
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import BASE, FIXTURES

# file -> (line of the first problem, a fragment of its message)
BROKEN = {
    "syntax_colon.yaml": (2, "kolon står på feil sted"),
    "tabs.yaml": (4, "Tabulatortegn"),
    "unclosed_quote.yaml": (4, "anførselstegn"),
    "unclosed_bracket.yaml": (4, "ikke lukket"),
    "bad_indent.yaml": (5, "Innrykket"),
    "wrong_type_duration.yaml": (9, "«schedule.duration_minutes» må være et helt tall"),
    "wrong_type_venue.yaml": (4, "«venue» må være en tabell"),
    "unknown_key.yaml": (9, "Ukjent nøkkel «colsed». Mente du «closed»?"),
    "unknown_participant_field.yaml": (11, "Ukjent nøkkel «diagnose» under deltaker nr. 1"),
    "missing_name.yaml": (1, "«name» mangler"),
    "missing_schedule_start.yaml": (6, "«schedule.start» mangler"),
    "alias_bomb.yaml": (5, "for mange alias"),
    "python_tag.yaml": (2, "YAML-tagger"),
    "empty.yaml": (1, "Filen er tom"),
    "only_comment.yaml": (1, "Filen er tom"),
    "list_not_mapping.yaml": (1, "må være en tabell med nøkler"),
    "invalid_utf8.yaml": (2, "UTF-8"),
    "impossible_date.yaml": (7, "gyldig dato"),
    "impossible_time.yaml": (8, "klokkeslett"),
    "negative_fee.yaml": (9, "«fee_nok» må være minst 0"),
    "negative_break.yaml": (9, "«schedule.break_minutes» må være minst 0"),
    "unknown_county.yaml": (3, "Fylket er ukjent"),
    "unknown_municipality.yaml": (9, "Kommunen er ukjent"),
    "version_2.yaml": (1, "Versjon 2 av filformatet er ukjent"),
    "deep_nesting.yaml": (2, "nøstet for dypt"),
    "on_key.yaml": (9, "Ukjent nøkkel «on»"),
    "duplicate_key.yaml": (9, "Nøkkelen «name» står to ganger"),
    "unknown_rule_decision.yaml": (10, "Mente du «group-size»?"),
    "bad_mode.yaml": (9, "physical eller digital"),
    "digital_without_online.yaml": (7, "«online»"),
    "participants_mapping.yaml": (9, "må være en liste"),
    "two_documents.yaml": (9, "mer enn ett YAML-dokument"),
    "left_before_joined.yaml": (12, "«left» er tidligere enn «joined»"),
    "control_char.yaml": (2, "kontrolltegn"),
    "birth_year_text.yaml": (11, "fødselsår"),
}


def test_corpus_is_complete():
    on_disk = {p.name for p in (FIXTURES / "broken").iterdir()}
    assert on_disk == set(BROKEN)
    assert len(on_disk) >= 20


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_file_gives_one_clear_problem(name):
    line, fragment = BROKEN[name]
    path = FIXTURES / "broken" / name
    with pytest.raises(InvalidFile) as caught:
        load_group(path)
    problem = caught.value.problems[0]
    assert fragment in problem.message
    assert problem.line == line
    assert caught.value.path == str(path)
    assert "Traceback" not in problem.message
    assert "pydantic" not in problem.message.lower()


def test_yaml_11_surprises_do_not_reach_the_model(write):
    path = write(
        BASE
        + "closed: yes\nstarters:\n  - name: Yes\n    contact: 0047 92 00 00 53\n"
        + "  - name: Off\n    contact: 04792000053\n"
        + "participants:\n  - name: No\n    born: 1984\n  - name: 'on'\n    born: 1984-05-17\n"
    )
    group = load_group(path).group
    assert group.schedule.start == clock(18, 0)
    assert group.closed is True
    assert [s.name for s in group.starters] == ["Yes", "Off"]
    assert group.starters[0].contact == "0047 92 00 00 53"
    assert group.starters[1].contact == "04792000053"  # the leading zero stays
    assert group.participants[0].name == "No"
    assert group.participants[0].born == 1984
    assert group.participants[1].born == date(1984, 5, 17)


def test_quoted_and_norwegian_forms_are_understood(write):
    text = BASE.replace("start: 18:00", 'start: "18.30"').replace("2027-01-07", "7.1.2027")
    group = load_group(write(text + "closed: nei\n")).group
    assert group.schedule.start == clock(18, 30)
    assert group.schedule.first_meeting == date(2027, 1, 7)
    assert group.closed is False


def test_line_numbers_of_values(write):
    loaded = load_group(write(BASE + "participants:\n  - name: A\n    born: 1984\n"))
    assert loaded.source.line("schedule", "start") == 8
    assert loaded.source.line("participants", 0, "born") == 11
    assert loaded.source.line("participants", 0, "missing") == 10  # falls back to the entry


def _events_fed(monkeypatch) -> list:
    """Every parser event the loader looks at: the work it does, which a busy machine does not change."""
    from selvhjelp_cli.core import source

    fed: list = []
    real = source._Builder.feed

    def counting(self, event):
        fed.append(type(event).__name__)
        return real(self, event)

    monkeypatch.setattr(source._Builder, "feed", counting)
    return fed


def test_alias_bomb_is_quick_and_small(monkeypatch):
    from selvhjelp_cli.core.source import MAX_NODES

    fed = _events_fed(monkeypatch)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(InvalidFile) as caught:
        load_group(FIXTURES / "broken" / "alias_bomb.yaml")
    # A billion values if expanded; the guard counts them without building them, and stops early.
    assert len(fed) < 200 < MAX_NODES
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB
    # The guard itself stopped it, at the alias that went over the limit.
    [problem] = caught.value.problems
    assert "for mange alias" in problem.message and problem.line == 5


@pytest.fixture(params=["libyaml", "python"])
def yaml_parser(request, monkeypatch):
    """Run a test with libyaml's parser (whatever nesting limit it has) and with PyYAML's pure-Python one."""
    from selvhjelp_cli.core import source

    if request.param == "python":
        monkeypatch.setattr(source, "_Parser", source._PurePythonParser)
    elif source._Parser is source._PurePythonParser:
        pytest.skip("PyYAML is built without libyaml here")
    return request.param


def test_deep_nesting_stops_early(yaml_parser, monkeypatch):
    fed = _events_fed(monkeypatch)
    with pytest.raises(InvalidFile) as caught:
        load_group(FIXTURES / "broken" / "deep_nesting.yaml")
    # Stopped near the depth limit (24 levels), not after reading the thousands of levels in the file.
    assert len(fed) <= 100
    [problem] = caught.value.problems
    assert "nøstet for dypt" in problem.message and problem.line == 2


def test_nesting_limit_is_exact(yaml_parser):
    from selvhjelp_cli.core.source import MAX_DEPTH

    inside = MAX_DEPTH - 1  # the top-level mapping is the first level
    parse("a: " + "[" * inside + "]" * inside + "\n", "ok.yaml")
    with pytest.raises(InvalidFile, match="nøstet for dypt"):
        parse("a: " + "[" * (inside + 1) + "]" * (inside + 1) + "\n", "dyp.yaml")


@pytest.mark.parametrize("depth", [30, 999, 1001, 5000])
def test_nesting_past_libyamls_own_limit_gives_our_message_at_the_real_place(yaml_parser, depth):
    from selvhjelp_cli.core.source import MAX_DEPTH

    text = "version: 1\n# a comment\nname: " + "[" * depth + "]" * depth + "\n"
    with pytest.raises(InvalidFile) as caught:
        parse(text, "dyp.yaml")
    [problem] = caught.value.problems
    assert "nøstet for dypt" in problem.message
    # The level that goes past our limit: line 3, after «name: » and MAX_DEPTH - 1 brackets.
    assert (problem.line, problem.column) == (3, len("name: ") + MAX_DEPTH)


def test_libyamls_own_depth_error_is_recognised():
    from selvhjelp_cli.core import source

    class LimitedParser(source._PurePythonParser):
        """Stands in for a libyaml that refuses depth in its scanner before any event."""

        def get_event(self):
            raise yaml.scanner.ScannerError(None, None, "exceeded maximum nesting depth", self.get_mark())

    with pytest.raises(InvalidFile, match="nøstet for dypt"):
        parse("name: " + "[" * 40 + "]" * 40 + "\n", "dyp.yaml", parser_class=LimitedParser)


def test_node_limit_is_exact():
    from selvhjelp_cli.core.source import MAX_NODES

    def items(n: int) -> str:  # the mapping, its key and the list are three nodes
        return "a: [" + ",".join("x" * n) + "]\n"

    parse(items(MAX_NODES - 3), "ok.yaml")
    with pytest.raises(InvalidFile, match="for mange alias"):
        parse(items(MAX_NODES - 2), "stor.yaml")


def test_aliases_count_what_they_expand_to():
    from selvhjelp_cli.core.source import MAX_NODES

    def text(copies: int) -> str:
        return "a: &x [" + ",".join("y" * 100) + "]\nb: [" + ",".join(["*x"] * copies) + "]\n"

    # The mapping, two keys, list b and list a (101 nodes) are 105; each copy of *x is 101 more.
    fits = (MAX_NODES - 105) // 101
    parse(text(fits), "ok.yaml")
    with pytest.raises(InvalidFile, match="for mange alias"):
        parse(text(fits + 1), "bombe.yaml")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UserError, match="finnes ikke"):
        load_group(tmp_path / "nei.yaml")
    with pytest.raises(UserError, match="mappe"):
        load_group(tmp_path)


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "stor.yaml"
    path.write_text("a: " + "x" * 1_100_000)
    with pytest.raises(UserError, match="for stor"):
        load_group(path)


def test_byte_order_mark_is_fine(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode())
    assert load_group(path).group.name == "Testgruppa"


# Property tests: whatever the input, only the project's own error escapes.

def _assert_only_own_errors(text: str, tmp_path) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_group(path)
    except UserError:
        pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_arbitrary_text_never_crashes(text, tmp_path):
    _assert_only_own_errors(text, tmp_path)


yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
    st.text(max_size=20), st.dates().map(str), st.sampled_from(["18:00", "1984", "No", "on", "~", "2027-01-07"]),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(["version", "name", "county", "schedule", "start", "first_meeting",
                                         "participants", "born", "venue", "mode", "decisions", "rule", "x"]),
                        children, max_size=5),
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(st.sampled_from(["version", "name", "county", "venue", "schedule", "mode", "online",
                                        "participants", "starters", "decisions", "closed", "fee_nok", "other"]),
                       yaml_values, max_size=8))
def test_arbitrary_yaml_structures_never_crash(data, tmp_path):
    _assert_only_own_errors(yaml.safe_dump(data, allow_unicode=True), tmp_path)


def test_parse_keeps_plain_scalars_as_text():
    data, _ = parse("a: 1\nb: true\nc: ~\nd: '1'\n", "x.yaml")
    assert data == {"a": "1", "b": "true", "c": None, "d": "1"}


@pytest.mark.parametrize("quoted", ["'null'", '"null"', "'~'", '"Null"', "'NULL'", "''"])
def test_a_quoted_null_stays_text(quoted):
    data, _ = parse(f"theme: {quoted}\n", "g.yaml")
    assert data == {"theme": quoted[1:-1]}


@pytest.mark.parametrize("plain", ["null", "~", "Null", "NULL", ""])
def test_a_plain_null_is_nothing(plain):
    data, _ = parse(f"theme: {plain}\n", "g.yaml")
    assert data == {"theme": None}


def test_every_error_names_the_file(tmp_path, write):
    broken = write(BASE + "fee_nok: mye\n", "min-gruppe.yaml")
    with pytest.raises(InvalidFile) as caught:
        load_group(broken)
    assert caught.value.path == str(broken)
    assert all(line.startswith(f"{broken}:") for line in caught.value.lines())
    assert caught.value.lines() == [f"{broken}:9:10: «fee_nok» må være et helt tall."]
    for path in (tmp_path / "finnes-ikke.yaml", tmp_path):
        with pytest.raises(UserError) as caught:
            load_group(path)
        assert str(caught.value).startswith(f"{path}: ")


