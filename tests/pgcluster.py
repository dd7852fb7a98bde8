"""A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, the server listening only
on a unix socket in that folder (no port to collide with), stopped and removed afterwards.

PostgreSQL refuses to run as root, so as root (CI) the cluster belongs to the ``postgres`` user that
Debian's package creates, and its commands run through ``runuser``. The binaries are found on PATH or
in Debian's ``/usr/lib/postgresql/<version>/bin``; without them the PostgreSQL tests are skipped.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

USER = "termbase"
DATABASE = "termbase"


def find_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``, or None."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    return None


def why_not() -> str | None:
    """Why no cluster can be started here (None when one can)."""
    if find_bin() is None:
        return "PostgreSQL binaries (initdb, pg_ctl) are not installed: apt-get install postgresql"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run PostgreSQL as"
        if shutil.which("runuser") is None:
            return "running as root without runuser to run PostgreSQL as 'postgres'"
    return None


class Cluster:
    def __init__(self):
        self.bin = find_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="tbpg-"))
        self.data = self.dir / "data"
        self._as_root = os.geteuid() == 0
        if self._as_root:
            entry = pwd.getpwnam("postgres")
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        self._schemas = itertools.count(1)
        self._pool: tuple | None = None

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self._as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.dir)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")

    def start(self) -> "Cluster":
        self._run("initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        options = (f"-c listen_addresses='' -c unix_socket_directories='{self.dir}' -c port=5432 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60", "-o", options, "start")
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {DATABASE}")
        return self

    def url(self, database: str = DATABASE, schema: str | None = None) -> str:
        """A URL of the cluster (the socket folder as the ``host`` parameter)."""
        query = f"host={quote(str(self.dir), safe='')}"
        if schema:
            query += f"&options={quote(f'-csearch_path={schema}', safe='')}"
        return f"postgresql://{USER}@/{database}?{query}"

    def new_schema(self) -> str:
        """A URL of a new, empty schema: a database of its own for one test."""
        import psycopg

        name = f"t{next(self._schemas)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        return self.url(schema=name)

    def empty_termbase(self) -> str:
        """The URL of an empty termbase: made once, then emptied for each test (its rows deleted and
        those a new termbase has put back, its id sequences restarted), ten times faster than a new
        schema. Tests that make a termbase themselves use :meth:`new_schema`."""
        import psycopg

        from termbase.store import create_store

        if self._pool is None:
            url = self.new_schema()
            create_store(url).close()
            with psycopg.connect(url, autocommit=True) as conn:
                tables = [r[0] for r in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")]
                rows = {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
                sequences = [r[0] for r in conn.execute(
                    "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()")]
            self._pool = (url, rows, sequences)
            return url
        url, rows, sequences = self._pool
        try:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("SET lock_timeout = '5s'")
                with conn.transaction():
                    for table, content in rows.items():
                        conn.execute(f"DELETE FROM {table}")
                        for row in content:
                            conn.execute(f"INSERT INTO {table} VALUES ({', '.join(['%s'] * len(row))})", row)
                    for sequence in sequences:
                        conn.execute("SELECT setval(%s, 1, false)", (sequence,))
        except psycopg.errors.LockNotAvailable:  # a test left a transaction open: start another pool
            self._pool = None
            return self.empty_termbase()
        return url

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
