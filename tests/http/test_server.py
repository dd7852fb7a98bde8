"""``termbase serve --workers N``: a port another server holds is refused in one line; the supervisor
restarts a worker that dies, but not one that dies as it starts (RESTART_AFTER)."""

import socket

import pytest

from termbase.errors import TermbaseError
from termbase.http.server import listening_socket, reserve


@pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"), reason="no SO_REUSEPORT here")
def test_a_port_another_server_holds_is_an_error_not_a_share():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        # another 'termbase serve --workers 2': its sockets share the port with any SO_REUSEPORT one
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        listening_socket("127.0.0.1", port).close()  # what the workers bind would share it silently
        with pytest.raises(TermbaseError) as exc:
            reserve("127.0.0.1", port)
        assert str(exc.value) == f"cannot listen on 127.0.0.1:{port}: Address already in use"
    free = reserve("127.0.0.1", port)  # once it is free, the port is ours
    assert free.getsockname() == ("127.0.0.1", port)
    free.close()


def test_a_host_that_cannot_be_bound_is_an_error():
    with pytest.raises(TermbaseError, match=r"^cannot listen on 203\.0\.113\.7:8000: "):
        reserve("203.0.113.7", 8000)



class _Process:
    """A worker process as the supervisor sees it: alive from ``start`` until it dies."""

    def __init__(self, pid, started):
        self.pid, self.started, self.alive, self.exitcode = pid, started, False, None

    def start(self):
        self.alive = True

    def is_alive(self):
        return self.alive

    def die(self, code):
        self.alive, self.exitcode = False, code

    def terminate(self):
        self.die(-15)

    def join(self, timeout=None):
        pass

    def kill(self):
        self.die(-9)


class _Supervised:
    """``server._Workers(count).run()`` on fake processes (the spawn context's ``Process`` and
    ``Barrier``), a fake clock (the server's ``time``) and a stop event whose ``wait`` is one tick of
    that clock, no real time: after tick ``t`` the ``events[t]`` happen, each ``(i, exit code)`` (the
    i-th process started dies) or ``"stop"`` (SIGINT)."""

    def __init__(self, monkeypatch, server, events):
        from types import SimpleNamespace

        self.now, self.ticks, self.events, self.made, self.stopped = 1000.0, 0, events, [], False
        self.reserved = socket.socket()
        monkeypatch.setattr(server, "time", SimpleNamespace(monotonic=lambda: self.now))
        monkeypatch.setattr(server, "signal", SimpleNamespace(SIGINT=2, SIGTERM=15, signal=lambda *a: None))
        monkeypatch.setattr(server, "reserve", lambda host, port: self.reserved)
        self.workers = server._Workers(2, "127.0.0.1", 0, "warning")
        self.workers.spawn = SimpleNamespace(Process=self._process, Barrier=lambda count: ("barrier", count))
        self.workers.stop = SimpleNamespace(set=self._set, wait=self._wait)

    def _process(self, target, args):
        self.made.append(_Process(100 + len(self.made), args[-1]))
        return self.made[-1]

    def _set(self):
        self.stopped = True

    def _wait(self, timeout):
        if not self.stopped:
            self.now += timeout
            self.ticks += 1
            for event in self.events.get(self.ticks, ()):
                if event == "stop":
                    self._set()
                else:
                    self.made[event[0]].die(event[1])
            assert self.ticks < 1000, "the supervisor never stopped"
        return self.stopped

    def run(self):
        """The exit code the server ends with (None: it ended as asked)."""
        try:
            self.workers.run()
        except SystemExit as exc:
            return exc.code
        return None


@pytest.fixture
def supervised(monkeypatch):
    from termbase.http import server

    monkeypatch.setattr(server, "RESTART_AFTER", 5.0)
    return lambda events: _Supervised(monkeypatch, server, events)


def test_a_worker_that_dies_after_running_a_while_is_started_again(supervised):
    # ticks of 0.5 s: the first worker dies at 10 s, its successor at 20 s (15 s after it started)
    run = supervised({20: [(0, 3)], 40: [(2, -9)], 50: ["stop"]})
    assert run.run() is None and run.ticks == 50
    assert [p.pid for p in run.made] == [100, 101, 102, 103]
    # the first two were started together (they wait for each other), the others alone
    assert [p.started for p in run.made] == [("barrier", 2), ("barrier", 2), None, None]
    assert [p.exitcode for p in run.made] == [3, -15, -9, -15]  # those alive at the end were stopped
    assert run.reserved.fileno() == -1  # and the reserved port let go


def test_a_worker_that_dies_as_it_starts_stops_the_server_not_a_restart_loop(supervised):
    # the second worker dies at 1 s: not restarted, the server stops with exit code 1
    run = supervised({2: [(1, 1)]})
    assert run.run() == 1 and run.ticks == 2
    assert [(p.pid, p.exitcode) for p in run.made] == [(100, -15), (101, 1)]
    assert run.reserved.fileno() == -1


def test_a_restarted_worker_that_dies_at_once_stops_the_server(supervised):
    # restarted at 10 s, the successor dies 2 s later (within RESTART_AFTER of its start): no third one
    run = supervised({20: [(0, 1)], 24: [(2, 1)]})
    assert run.run() == 1 and run.ticks == 24
    assert [(p.pid, p.exitcode) for p in run.made] == [(100, 1), (101, -15), (102, 1)]


def test_restart_after_is_measured_from_each_start(supervised, monkeypatch):
    from termbase.http import server

    # with RESTART_AFTER 30 s, a worker dying at 20 s stops the server; one dying at 40 s is restarted
    monkeypatch.setattr(server, "RESTART_AFTER", 30.0)
    assert supervised({40: [(0, 1)]}).run() == 1
    run = supervised({80: [(1, 1)], 90: ["stop"]})
    assert run.run() is None and len(run.made) == 3
