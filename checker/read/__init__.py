"""Reading: bytes and Word documents -> SourceText."""
