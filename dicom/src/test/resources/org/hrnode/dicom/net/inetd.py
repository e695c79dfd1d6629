"""A tiny inetd for tests: binds 127.0.0.1 on a free port, prints the port (so the caller knows it is listening
before it connects: no waiting, no retries), then runs the given command once per connection with the socket as
its stdin and stdout, the way inetd starts DCMTK's storescp --inetd. Stops its children when terminated."""
import os
import signal
import socket
import subprocess
import sys

children = []


def stop(signum, frame):
    for child in children:
        if child.poll() is None:
            child.terminate()
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(("127.0.0.1", 0))
server.listen(16)
print(server.getsockname()[1], flush=True)
log = open(os.environ.get("INETD_LOG", os.devnull), "ab")
while True:
    connection, _ = server.accept()
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    children.append(subprocess.Popen(sys.argv[1:], stdin=connection.fileno(), stdout=connection.fileno(),
                                     stderr=log))
    connection.close()
    children = [c for c in children if c.poll() is None]
