"""Properties of the surfaces around a draft (issue 22), on generated input:
a random configuration or baseline never raises past one ``file:line`` line
(only the errors the command turns into ``reportlint: …``, exit 2); ``--fix``
on a random draft changes nothing outside the spans of the fixes the
findings reported. Profiles as in tests/test_properties.py (ci: 100 examples)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from checker.api import ConfigError, UnknownGenre
from checker.fixing import _Offsets, apply_fixes, wanted
from checker.lint.ruleset import RuleFileError
from checker.settings.baseline import Baseline, BaselineError
from checker.settings.configfile import KEYS, ConfigResolver

from test_properties import CONFIG, drafts, suffixes  # noqa: F401 - loads the hypothesis profile too

ONE_LINE_ERRORS = (ConfigError, RuleFileError, UnknownGenre, BaselineError)

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12) | \
    st.sampled_from(["placeholder", "RL1", "off", "error", "述职报告", "*.txt", "**/草稿*", "[", "../x", "/dev/zero"])
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) |
                      st.dictionaries(st.text(max_size=8) | st.sampled_from(sorted(KEYS)), inner, max_size=4),
                      max_leaves=12)
settings_maps = st.dictionaries(st.sampled_from(sorted(KEYS | {"files", "unknown"})), values, max_size=5)


def one_line(error: Exception) -> None:
    message = str(error)
    assert message and "\n" not in message, repr(message)


def yaml_of(data) -> str:
    return json.dumps(data, ensure_ascii=False)  # JSON is YAML


@given(settings_maps | st.text(max_size=200))
def test_a_random_configuration_is_applied_or_refused_in_one_line(data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".git").mkdir()
        (root / ".reportlint.yaml").write_text(data if isinstance(data, str) else yaml_of(data), encoding="utf-8")
        draft = root / "d.txt"
        draft.write_text("关于某某工作的报告\n今年完成了XX项工作。\n", encoding="utf-8")
        try:
            config = ConfigResolver().config_for(str(draft))
            config.excludes(str(draft))
        except ONE_LINE_ERRORS as error:
            one_line(error)


baseline_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) |
                               st.dictionaries(st.sampled_from(["rule", "text", "count", "message", "fingerprint", "x"]) |
                                               st.text(max_size=6), inner, max_size=5), max_leaves=16)
baselines = st.fixed_dictionaries({"version": st.sampled_from([1, 1, 2, "1", None]),
                                   "files": st.dictionaries(st.text(max_size=10), baseline_values, max_size=3)}) | \
    baseline_values


@given(baselines | st.text(max_size=200) | st.just("[" * 100_000))
def test_a_random_baseline_is_read_or_refused_in_one_line(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "baseline.json"
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        try:
            baseline = Baseline.load(str(path))
            baseline.filter(str(Path(folder) / "d.txt"), [])
        except BaselineError as error:
            one_line(error)


@given(drafts, suffixes)
def test_fix_changes_nothing_outside_the_reported_fix_spans(lines, suffix):
    from checker.api import lint_text

    text = "\n".join(lines) + "\n"
    diagnostics = lint_text(text, path=f"draft{suffix}", config=CONFIG)
    fixed, applied = apply_fixes(text, wanted(diagnostics, unsafe=True))
    offsets = _Offsets(text)
    edits = {(*offsets.span(edit), edit.replacement) for d in applied for edit in d.fix.edits}
    covered = set()
    for low, high, _ in edits:
        covered.update(range(low, high))
    outside = "".join(character for index, character in enumerate(text) if index not in covered)
    # every character outside the fixes' spans is kept, in order, and what was
    # added is no more than the fixes' replacements
    remaining = iter(fixed)
    assert all(character in remaining for character in outside)
    assert len(fixed) - len(outside) <= sum(len(replacement) for _, _, replacement in edits)
