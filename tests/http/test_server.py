"""``termbase serve --workers N``'s sockets: a port another server holds is refused in one line."""

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
