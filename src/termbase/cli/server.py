"""``termbase serve`` (the HTTP API) and ``termbase token`` (its tokens: create, list, revoke)."""

from __future__ import annotations

import click

from ..models import ROLES
from ..services import create_token, list_tokens, revoke_token
from .app import TermbaseGroup, emit_json, main, pass_env


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Server processes (about one per core).")
@click.option("--anonymous", "anonymous", type=click.Choice(ROLES), default=None,
              help="Let requests without a token in, with this role (default: refused, 401).")
@click.option("--max-upload", "max_upload", type=click.IntRange(min=1), default=20, show_default=True,
              metavar="MB", help="Largest upload (check, extract, import) in megabytes.")
@click.option("--mining-cache", "mining_cache", type=click.IntRange(min=0), default=1024, show_default=True,
              metavar="MB", help="Megabytes of memory indexes each server process keeps for extraction with a "
                                 "memory (100,000 units of news sentences take about 230, and the word "
                                 "associations kept with them up to 96 more; 0: index the "
                                 "memory for every request).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="warning", show_default=True)
@pass_env
def serve(env, host, port, workers, anonymous, max_upload, mining_cache, log_level) -> None:
    """Serve the termbase over HTTP: a JSON API under /api (schema at /api/openapi.json).

    Every request but GET /api/health needs "Authorization: Bearer TOKEN", a token made with
    'termbase token create NAME --role ROLE'. Roles: readers look up, search, check and export;
    translators also propose terms; terminologists approve, edit and delete; admins import and
    manage tokens. A write waits at most 10 s for another (--lock-timeout before the command), then
    fails with 503.

    \b
    termbase serve --port 8000 --workers 2
    curl -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:8000/api/lookup?q=Сенат"
    """
    from ..http import ServerConfig
    from ..http.server import serve as run

    config = ServerConfig(str(env.db_path), anonymous_role=anonymous, max_upload=max_upload * 1024 * 1024,
                          corpus_cache_mb=mining_cache,
                          **({"lock_timeout": env.lock_timeout} if env.lock_timeout is not None else {}))
    env.workspace()  # a missing or unreadable termbase is an error before anything listens
    env.close()
    click.echo(f"Serving {env.db_path} on http://{host}:{port}/api (Ctrl-C stops)", err=True)
    run(config, host=host, port=port, workers=workers, log_level=log_level)


@main.group(cls=TermbaseGroup)
def token() -> None:
    """API tokens of 'termbase serve': create, list, revoke."""


@token.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What the token may do.")
@click.option("--json", "as_json", is_flag=True,
              help='Print {"name", "role", "created", "revoked": null, "token"} instead of the token alone.')
@pass_env
def token_create(env, name: str, role: str, as_json: bool) -> None:
    """Make a token for NAME (the user: their changes are recorded under it) and print it, alone,
    on standard output. It is shown this once: only a digest of it is kept."""
    created = create_token(env.workspace(), name, role)
    if as_json:
        emit_json(created.to_dict())
    else:
        click.echo(created.secret)
    click.echo(f"Token for {created.token.name} ({created.token.role}); keep it secret, it is shown only once.",
               err=True)


@token.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def token_list(env, as_json: bool) -> None:
    """Every token: name, role, when made and, if revoked, when (never the secrets)."""
    tokens = list_tokens(env.workspace())
    if as_json:
        emit_json([t.to_dict() for t in tokens])
        return
    if not tokens:
        click.echo("No tokens.")
    for t in tokens:
        state = f"revoked {t.revoked:%Y-%m-%d %H:%M}" if t.revoked else "active"
        click.echo(f"{t.name}\t{t.role}\tcreated {t.created:%Y-%m-%d %H:%M}\t{state}")


@token.command("revoke")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the revoked token's record as JSON.")
@pass_env
def token_revoke(env, name: str, as_json: bool) -> None:
    """Revoke NAME's token: requests with it get 401 from now on."""
    revoked = revoke_token(env.workspace(), name)
    if as_json:
        emit_json(revoked.to_dict())
    else:
        click.echo(f"Revoked the token of {revoked.name} ({revoked.role}).")
