"""The rule types. Each YAML rule names one of these in ``type:``; its
``options:`` are validated by the type's constructor.

A rule type is a class built from the options mapping, with
``check(document, facts) -> Iterator[Finding]`` (base.RuleType); a Rule keeps the
instance as ``Rule.rule_type`` and the type's name as ``Rule.type``. One word,
"rule type", for all three (docs/rules-schema.md); this folder keeps the name
kinds/. Registry is explicit: add a line to RULE_TYPES.
"""

from __future__ import annotations

from .base import Finding, OptionError, RuleType
from .consistency_dates import DateConsistencyRule
from .consistency_figures import FigureConsistencyRule
from .consistency_names import NameConsistencyRule
from .count_mismatch import CountMismatchRule
from .decimal_parent import DecimalParentRule
from .empty_section import EmptySection
from .fixed_expression import FixedExpressionRule
from .lost_head import LostHeadRule
from .engine_reported import EngineReported
from .mixed_form import MixedFormRule
from .numbering_level import NumberingLevelRule
from .numbering_sequence import NumberingSequenceRule
from .numbering_style import NumberingStyleRule
from .official import AttachmentAgreementRule, OfficialPartRule, TitleGenreRule
from .pattern import PatternRule
from .repeated_word import RepeatedWordRule
from .required_sections import RequiredSections
from .section_order import SectionOrder
from .title import RequiredTitle
from .truncation import Truncation

RULE_TYPES = {
    "pattern": PatternRule,
    "numbering-sequence": NumberingSequenceRule,
    "numbering-style": NumberingStyleRule,
    "numbering-level": NumberingLevelRule,
    "count-mismatch": CountMismatchRule,
    "required-title": RequiredTitle,
    "required-sections": RequiredSections,
    "section-order": SectionOrder,
    "empty-section": EmptySection,
    "truncation": Truncation,
    "engine": EngineReported,
    "mixed-form": MixedFormRule,
    "fixed-expression": FixedExpressionRule,
    "repeated-word": RepeatedWordRule,
    "official-part": OfficialPartRule,
    "attachment-agreement": AttachmentAgreementRule,
    "title-genre": TitleGenreRule,
    "decimal-parent": DecimalParentRule,
    "lost-head": LostHeadRule,
    "date-consistency": DateConsistencyRule,
    "figure-consistency": FigureConsistencyRule,
    "name-consistency": NameConsistencyRule,
}

__all__ = ["RULE_TYPES", "Finding", "OptionError", "RuleType"]
