"""The rule engine: rule packs, the rule types (kinds/) and the run over a document."""
