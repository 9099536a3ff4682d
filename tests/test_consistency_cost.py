"""What the consistency facts cost (issue 18): they are computed once per
document, whatever the number of consistency rules that read them, and no
consistency path asks jieba — neither its module nor its full dictionary's index
(checker.parse.word_index.full_index) — on any draft of the measurement sets.
(Linear time: tests/test_consistency_linear.py.)"""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

from checker.analyse import analysis
from checker.api import lint_text

SETS = ("consistency", "consistency2", "consistency3", "consistency4")


def test_the_facts_are_computed_once_per_document(monkeypatch):
    calls = []
    extract = analysis.draft_facts

    def counted(document, *args, **kwargs):
        calls.append(document.path)
        return extract(document, *args, **kwargs)

    monkeypatch.setattr(analysis, "draft_facts", counted)
    draft = ROOT / "tests" / "drafts" / "consistency" / "zhen_zongjie.txt"
    findings = lint_text(draft.read_text(encoding="utf-8").replace("3月12日（星期三）", "3月12日（星期四）"),
                         path="zhen_zongjie.txt")
    assert [d.rule for d in findings if d.rule == "weekday-mismatch"] == ["weekday-mismatch"]
    assert calls == ["zhen_zongjie.txt"]


NO_JIEBA = """
import sys
from pathlib import Path
import checker.parse.segment as segment
import checker.parse.word_index as word_index
asked = []
from checker.api import Config, read_source
from checker.parse.outline import parse_document
from checker.analyse.analysis import analyse
from checker.lint.engine import run_rules
config = Config.load()
rules = [rule for rule in config.rules if rule.pack == "consistency"]
assert len(rules) == 8, [rule.name for rule in rules]
findings = 0
for folder in sys.argv[1:]:
    for path in sorted(Path(folder).glob("*.*")):
        if path.suffix not in (".txt", ".md"):
            continue
        document = parse_document(read_source(str(path)))  # the parser may ask jieba's words: not ours
        real = word_index.full_index
        word_index.full_index = segment.full_index = lambda *a, **k: asked.append(1) or real(*a, **k)
        facts = analyse(document, config)
        findings += len(run_rules(document, rules, facts))
        word_index.full_index = segment.full_index = real
print("jieba" in sys.modules, len(asked), findings)
"""


def test_no_consistency_path_asks_jieba():
    folders = [str(ROOT / "tests" / "drafts" / name) for name in SETS]
    result = subprocess.run([sys.executable, "-c", NO_JIEBA, *folders], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "0", "0"]  # no jieba, no full index; clean drafts: no finding
