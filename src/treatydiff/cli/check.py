"""``check``: fail on changes of versions of texts that nobody approved."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from treatydiff.cli.group import EXIT_TROUBLE, _say, main
from treatydiff.cli.options import (
    _input_format,
    _read_options,
    docx_revisions_option,
    encoding_option,
    input_format_option,
    left_label_option,
    max_bytes_option,
    no_cache_option,
    output_option,
    right_label_option,
)
from treatydiff.lang import LANGUAGES


@main.command("check")
@click.argument("texts", nargs=-1, metavar="[LEFT RIGHT | FILE]")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The checks to run: a treatydiff.toml, or a pyproject.toml with [tool.treatydiff] "
    "[default: either, in the working folder].",
)
@click.option(
    "--fail-on",
    type=click.Choice(["any", "wording", "substantive"]),
    default=None,
    help="Which changes fail a check: any; wording (not formatting, spacing or punctuation "
    "only); substantive (not spelling-level fixes either) [default: wording]. A check's own "
    "fail_on wins.",
)
@click.option(
    "--fail-on-flags",
    metavar="FLAGS",
    default=None,
    help="Also fail on every change carrying one of these flags, whatever --fail-on lets "
    "pass: a comma-separated list of modal, negation, number, defined-term, reference, or "
    "none [default: negation,modal,number,reference]. A check's own fail_on_flags wins.",
)
@click.option(
    "--min-similarity",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Also fail on every paired clause less similar than this (0-1). A check's own "
    "min_similarity wins.",
)
@click.option(
    "--against",
    metavar="REV",
    default=None,
    help="Git revision to compare FILE (or every file check of the configuration) with "
    "[default: HEAD, or the check's own].",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The file of approved changes [default: the configuration's, or "
    "treatydiff-baseline.json beside it].",
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Record every change the checks find as approved, in the baseline file.",
)
@click.option(
    "--annotations",
    type=click.Choice(["github"]),
    default=None,
    help="Also print CI annotations (GitHub workflow commands) at the source line of each "
    "new change, on standard output before the report (write the report elsewhere with -o).",
)
@click.option(
    "--junit",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write a JUnit XML report (one test case per check) to this file.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format of the report.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the texts to read from bilingual sources [default: en]. A check's "
    "own lang wins.",
)
@left_label_option
@right_label_option
@input_format_option
@max_bytes_option
@no_cache_option
@docx_revisions_option
@encoding_option
@output_option
def check(
    texts: tuple[str, ...],
    config_file: Path | None,
    fail_on: str | None,
    fail_on_flags: str | None,
    min_similarity: float | None,
    against: str | None,
    baseline: Path | None,
    update_baseline: bool,
    annotations: str | None,
    junit: Path | None,
    fmt: str,
    lang: str | None,
    left_label: str | None,
    right_label: str | None,
    input_format: str,
    docx_revisions: str,
    encoding: str | None,
    output: Path | None,
    force: bool,
) -> None:
    """Check versions of texts: fail on changes nobody approved.

    Without arguments, run the checks of the configuration (treatydiff.toml or
    [tool.treatydiff] in pyproject.toml). With LEFT RIGHT, check RIGHT against LEFT; with
    FILE and --against REV, check FILE against its version at that git revision.

    Exit status: 0 every check passes, 1 a check fails, 2 trouble. The Markdown summary
    is appended to $GITHUB_STEP_SUMMARY when that is set.
    """
    import os

    from treatydiff.ci import baseline as baselines
    from treatydiff.ci import config as configs
    from treatydiff.ci import output as ci_output
    from treatydiff.ci.run import display_path, run_checks
    from treatydiff.errors import UsageError
    from treatydiff.outputs import append, checked_target, emit, write_atomic, write_stdout

    try:
        config = configs.from_command_line(
            texts,
            folder=Path.cwd(),
            config_file=config_file,
            baseline=baseline,
            update_baseline=update_baseline,
            fail_on=fail_on,
            fail_on_flags=fail_on_flags,
            lang=lang,
            against=against,
            input_format=_input_format(input_format),
            min_similarity=min_similarity,
            read_options=_read_options(docx_revisions, encoding=encoding),
            left_label=left_label,
            right_label=right_label,
        )
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    inputs = configs.inputs(config)
    for target in (None if output is None or str(output) == "-" else output, junit):
        if target is not None:  # refused now, not after the report is printed
            checked_target(target, force=force, inputs=inputs)
    approvals = baselines.load_baseline(config.baseline)
    result = run_checks(config, approvals)
    if update_baseline and config.baseline is not None and result.exit_code != EXIT_TROUBLE:
        text = baselines.render_baseline(result, keep=approvals)
        others = [path for path in inputs if path != config.baseline]  # the texts, the config
        write_atomic(config.baseline, text.encode("utf-8"), force=force, inputs=others)
        result = baselines.approve_all(result)
        approved = sum(len(c.changes) for c in result.checks)
        where = display_path(str(config.baseline))
        noun = "change" if approved == 1 else "changes"
        _say(f"{where}: {approved} approved {noun}")
    render = ci_output.render_json if fmt == "json" else ci_output.render_text
    report = render(result)
    to_stdout = output is None or str(output) == "-"
    if annotations == "github":
        write_stdout(ci_output.github_annotations(result))
        if to_stdout:
            # The log reads commands: none in the report, whatever the texts hold.
            report = ci_output.stop_commands(report, _token(report))
    emit(report, output, force=force, inputs=inputs)
    if fmt != "text" or not to_stdout:
        _say(ci_output.verdict(result).removeprefix("treatydiff: "))
    if junit is not None:
        junit_xml = ci_output.render_junit(result).encode("utf-8")
        write_atomic(junit, junit_xml, force=force, inputs=inputs)
    summary = os.environ.get(ci_output.STEP_SUMMARY_ENV)
    if summary:
        append(Path(summary), ci_output.render_markdown(result), what="the job summary")
    for failed in result.checks:
        if failed.error is not None:
            _say(f"error: check {failed.spec.name!r}: {failed.error}")
    if update_baseline and result.exit_code == EXIT_TROUBLE:
        _say("baseline not updated: a check could not run")
    sys.exit(result.exit_code)


def _token(text: str) -> str:
    """A random token of stop-commands that ``text`` does not hold."""
    import secrets

    while (token := secrets.token_hex(16)) in text:
        pass
    return token
