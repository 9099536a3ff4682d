"""Settings: configuration, data files (YAML packs, word lists), suppression, baseline."""
