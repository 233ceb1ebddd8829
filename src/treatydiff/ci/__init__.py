"""CI checks of text versions: configuration, rules, baseline of approved changes, runner
and CI output (summary, GitHub annotations, JUnit). Exit codes follow diff(1)."""
