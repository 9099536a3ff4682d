"""Parsing: SourceText -> Document (lines, outline, enumerators)."""
