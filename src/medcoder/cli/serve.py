"""``medcoder serve``: the web app (pages plus the JSON API) under uvicorn."""

from __future__ import annotations

import typer


def serve(
    host: str | None = typer.Option(None, help="Address to listen on (MEDCODER_HOST)."),
    port: int | None = typer.Option(
        None, min=1, max=65535, help="Port to listen on (MEDCODER_PORT)."
    ),
) -> None:
    """Start the web app: open http://HOST:PORT/ in a browser."""
    import uvicorn

    from medcoder.errors import DataIntegrityError
    from medcoder.settings import get_settings
    from medcoder.web.app import create_app
    from medcoder.web.warmup import start_warming

    settings = get_settings()
    try:
        application = create_app(settings)
    except DataIntegrityError as error:
        typer.echo(f"error: refusing to start: {error}", err=True)
        raise typer.Exit(3) from None
    start_warming()
    uvicorn.run(
        application,
        host=host or settings.host,
        port=port or settings.port,
        log_level="info",
        proxy_headers=False,
    )


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
