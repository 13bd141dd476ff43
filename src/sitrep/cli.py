"""Command line: a thin layer. Each command parses options and calls one library function."""
from __future__ import annotations

import sys
from contextlib import contextmanager

import click

from .config import DEFAULT_DB, DEFAULT_MODEL, Options
from .errors import SitrepError

db_option = click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                         help="DuckDB store file.")
model_option = click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy model package.")
batch_option = click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000),
                            help="Documents per batch (parse and commit).")
procs_option = click.option("--processes", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
                            help="Worker processes.")


confidence_option = click.option(
    "--min-confidence", "min_confidence", type=click.FloatRange(0.0, 1.0),
    help="Only events at or above this calibrated confidence (default: the configured floor; 0 shows all).")


def _filters(**kw):
    from .query import Filters

    return Filters(**{k: v for k, v in kw.items() if v is not None})


@contextmanager
def _progress(label: str, total: int | None = None):
    """A progress bar on standard error, only when it is a terminal."""
    from tqdm import tqdm

    bar = tqdm(total=total, desc=label, unit="doc", file=sys.stderr, disable=not sys.stderr.isatty())
    try:
        yield bar.update
    finally:
        bar.close()


class SitrepGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SitrepError as exc:
            click.echo(str(exc), err=True)
            ctx.exit(2)


@click.group(cls=SitrepGroup)
@click.version_option(package_name="sitrep")
def main():
    """sitrep: news reports to a situation picture of who did what to whom, when and where."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--input", "input_file", type=click.Path(exists=True, dir_okay=False),
              help="A JSON Lines file of documents (FORMAT.md shape).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json", show_default=True)
@model_option
@batch_option
@procs_option
@confidence_option
def extract(paths, input_file, fmt, model, batch_size, processes, min_confidence):
    """Extract records from articles (files, folders, JSON Lines, '-') and print them."""
    from .api import extract_paths
    from .formats import render_extractions

    targets = list(paths) + ([input_file] if input_file else [])
    if not targets:
        raise click.UsageError("give a PATH or --input FILE.jsonl ('-' reads standard input)")
    options = Options(model=model, batch_size=batch_size, n_process=processes,
                      **({} if min_confidence is None else {"min_event_confidence": min_confidence}))
    results = extract_paths(targets, options=options)
    with _progress("extract") as update:
        for chunk in render_extractions(_report_rejected(results, update), fmt):
            click.echo(chunk, nl=False)


def _report_rejected(results, progress=None):
    from .records import Rejected

    for r in results:
        if isinstance(r, Rejected):
            click.echo(f"skipped {r.where}: {r.reason}", err=True)
        if progress:
            progress(1)
        yield r


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@model_option
@batch_option
@procs_option
@click.option("--no-dedup", is_flag=True, help="Do not detect copies on ingest.")
@click.option("--from-parquet", "from_parquet", type=click.Path(exists=True, file_okay=False),
              help="Load the record tables a 'sitrep spark-ingest' run wrote to this folder.")
def ingest(paths, db, model, batch_size, processes, no_dedup, from_parquet):
    """Extract articles and add them to the store; running it again adds nothing twice."""
    from .api import ingest as ingest_paths, ingest_parquet

    if bool(paths) == bool(from_parquet):
        raise click.UsageError("give PATHS to extract or --from-parquet DIR, not both")
    options = Options(model=model, batch_size=batch_size, n_process=processes, dedup=not no_dedup)
    if from_parquet:
        summary = ingest_parquet(from_parquet, db=db)
    else:
        with _progress("ingest") as update:
            summary = ingest_paths(paths, db=db, options=options, progress=update)
    for r in summary.rejected:
        click.echo(f"rejected {r.where}: {r.reason}", err=True)
    click.echo(f"read {summary.read}, added {summary.added}, already stored {summary.skipped_existing}, "
               f"copies {summary.copies}, rejected {len(summary.rejected)} -> {db}")


def _filter_options(f):
    for opt in reversed([
        click.option("--actor", help="Actor code (IRQ, IGO) or name fragment."),
        click.option("--type", "type_", help="PLOVER event type."),
        click.option("--since", help="From this ISO date."),
        click.option("--until", help="Up to this ISO date."),
        click.option("--place", help="Place name or GeoNames id."),
        click.option("--text", help="Words in the sentence."),
        click.option("--include-copies", is_flag=True, help="Also list rows from copied articles."),
        confidence_option,
    ]):
        f = opt(f)
    return f


@main.command()
@db_option
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "json"]), default="table",
              show_default=True)
@click.option("--limit", type=int, help="At most this many rows.")
def events(db, actor, type_, since, until, place, text, include_copies, min_confidence, fmt, limit):
    """Query the stored events; each distinct event once, with its number of reports."""
    from .formats import render_rows
    from .query import EVENT_COLUMNS, events as query_events

    rows = query_events(db, _filters(actor=actor, type=type_, since=since, until=until, place=place, text=text,
                                     include_copies=include_copies, min_confidence=min_confidence), limit=limit)
    click.echo(render_rows(rows, fmt, columns=EVENT_COLUMNS if fmt == "table" else None), nl=False)


@main.command()
@db_option
@click.option("--speaker", help="Speaker name fragment.")
@click.option("--since", help="From this ISO date.")
@click.option("--until", help="Up to this ISO date.")
@click.option("--text", help="Words in the quote.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "json"]), default="table",
              show_default=True)
@click.option("--limit", type=int, help="At most this many rows.")
def quotes(db, speaker, since, until, text, fmt, limit):
    """Query the stored quotes by speaker, date and text."""
    from .formats import render_rows
    from .query import QUOTE_COLUMNS, quotes as query_quotes

    rows = query_quotes(db, _filters(speaker=speaker, since=since, until=until, text=text), limit=limit)
    click.echo(render_rows(rows, fmt, columns=QUOTE_COLUMNS if fmt == "table" else None), nl=False)


@main.command()
@db_option
@click.option("--since", help="From this ISO date.")
@click.option("--until", help="Up to this ISO date.")
@click.option("--actor", help="Actor code or name fragment.")
@click.option("--place", help="Place name or GeoNames id.")
@confidence_option
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
def report(db, since, until, actor, place, min_confidence, fmt):
    """Print the situation report: timeline, statements, figures, places and sources."""
    from .report import situation_report

    click.echo(situation_report(db, _filters(since=since, until=until, actor=actor, place=place,
                                             min_confidence=min_confidence), fmt=fmt),
               nl=False)


@main.command()
@db_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "csv", "parquet", "plover", "cameo", "gdelt"]))
@click.option("--output", "-o", type=click.Path(), help="Output file (a folder for csv/parquet); default stdout.")
@click.option("--include-copies", is_flag=True, help="Also export events of copied articles.")
@confidence_option
def export(db, fmt, output, include_copies, min_confidence):
    """Export the store: JSONL records, CSV or Parquet tables, PLOVER JSON, CAMEO/Phoenix TSV, GDELT columns."""
    from .export import export as run_export

    written = run_export(db, fmt, output, include_copies=include_copies, min_confidence=min_confidence)
    if output:
        click.echo(f"wrote {written}", err=True)


@main.command(name="eval")
@click.argument("task", type=click.Choice(["quotes", "events", "places", "times", "dedup"]))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@model_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_(task, gold, model, as_json):
    """Score sitrep against a gold file in the FORMAT.md shape."""
    import json

    from .evaluate import evaluate, render_scores

    scores = evaluate(task, gold, options=Options(model=model))
    click.echo(json.dumps(scores, indent=2) if as_json else render_scores(task, gold, scores), nl=False)


@main.command()
@click.option("--input", "input_file", required=True, type=click.Path(exists=True, dir_okay=False),
              help="A JSON Lines file of documents.")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
def dedup(input_file, fmt):
    """Find copies in a JSON Lines file: one line per document with its cluster and sources."""
    from .dedup import dedup_lines

    for line in dedup_lines(input_file):
        click.echo(line)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "json"]), default="table",
              show_default=True)
def stories(db, fmt):
    """List stories: clusters of copies with their articles."""
    from .dedup import story_rows
    from .formats import render_rows

    click.echo(render_rows(story_rows(db), fmt), nl=False)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8025, show_default=True, type=int)
def serve(db, host, port):
    """Serve the store as web pages and a JSON API (add .json to any page)."""
    from .serve import serve as run_server

    click.echo(f"serving {db} on http://{host}:{port}/", err=True)
    run_server(db, host=host, port=port)


@main.command(name="spark-ingest")
@click.argument("input_path", type=click.Path(exists=True))
@click.argument("output", type=click.Path())
@model_option
@click.option("--master", default="local[2]", show_default=True, help="Spark master URL.")
def spark_ingest(input_path, output, model, master):
    """Run the pipeline on PySpark over JSONL or Parquet articles; write record tables as Parquet."""
    from .spark import spark_ingest as run_spark

    run_spark(input_path, output, options=Options(model=model), master=master)
    click.echo(f"wrote record tables under {output}", err=True)


if __name__ == "__main__":
    main()
