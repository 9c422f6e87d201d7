"""`isnad bench`: throughput, start-up time and peak memory on the fixed benchmark corpus."""
from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSONL(.gz) of {'text': ...} objects [default: the bundled ANERcorp-based corpus].")
@click.option("--stages", help="Comma-separated stage names to run (default: the whole pipeline).")
@click.option("--repeat", type=int, default=1, show_default=True, help="Passes over the corpus.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def bench(corpus: Path | None, stages: str | None, repeat: int, as_json: bool) -> None:
    """Measure articles/s and tokens/s on one core, start-up time and peak memory."""
    from isnad import bench as b
    from isnad.pipeline import DEFAULT

    chosen = tuple(s.strip() for s in stages.split(",")) if stages else DEFAULT
    corpus = corpus or b.CORPUS
    if not corpus.exists():
        raise click.ClickException(f"benchmark corpus not found at {corpus}; rebuild it with scripts/build_bench_corpus.py")
    result = b.run(corpus, chosen, repeat)
    if as_json:
        data = {k: v for k, v in vars(result).items()}
        data |= {"articles_per_s": result.articles_per_s, "tokens_per_s": result.tokens_per_s}
        click.echo(json.dumps(data, indent=1))
    else:
        click.echo(result.report())
