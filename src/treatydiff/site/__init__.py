"""Published reports: a static site of comparisons and synopses built from a TOML config."""
