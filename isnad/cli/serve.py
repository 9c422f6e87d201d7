"""``isnad serve``: the HTTP API and the dashboard over a store."""
from __future__ import annotations

import click

from isnad.api.hosts import is_loopback
from isnad.cli.options import max_bytes_option


@click.command()
@click.option("--db", "db", envvar="ISNAD_DB", help="store URL or SQLite path (default: $ISNAD_DB or the user's store)")
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="ISNAD_TOKEN", help="write token for POST /api/documents (or $ISNAD_TOKEN)")
@click.option("--public", is_flag=True, help="allow a non-loopback host without a token (read-only, open to all)")
@max_bytes_option
def serve(db: str | None, host: str, port: int, token: str | None, public: bool, max_bytes: int | None) -> None:
    """Serve the JSON API (/api, /openapi.json) and the dashboard (/) over the store.

    A request body larger than three times --max-bytes (room for JSON escapes) is refused with 413 before
    it is read, and so is a text larger than --max-bytes.
    """
    if not is_loopback(host) and not token and not public:
        raise click.UsageError(
            f"{host} is reachable from the network: give --token (or ISNAD_TOKEN), or --public to serve read-only"
        )
    import uvicorn

    from isnad.api import create_app

    click.echo(f"isnad dashboard on http://{host}:{port}/ (API at /api, OpenAPI at /openapi.json)", err=True)
    uvicorn.run(create_app(db, token, max_bytes), host=host, port=port, log_level="warning")
