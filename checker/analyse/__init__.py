"""Analysis: the facts of a parsed document that the rules judge."""
