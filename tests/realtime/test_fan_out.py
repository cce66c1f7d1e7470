"""A message to a large room goes out in slices with a pause between them, so other
events are handled meanwhile, and every phone still hears a room's messages in the
order they were sent."""

import threading
import time

import socketio

from app.realtime.server import LocalManager


class _Server:
    """What a manager asks of its server: new ids, a pause, and somewhere to write."""

    def __init__(self):
        self.count = 0
        self.eio = self
        self.packet_class = socketio.packet.Packet
        self.written = []
        self.pauses = 0
        self.paused = threading.Event()

    def generate_id(self):
        self.count += 1
        return f"s{self.count}"

    def sleep(self, seconds):
        self.pauses += 1
        self.paused.set()
        time.sleep(0.01)

    def _send_eio_packet(self, eio_sid, packet):
        self.written.append((eio_sid, packet.data))


def hall(phones):
    server = _Server()
    manager = LocalManager()
    manager.set_server(server)
    manager.initialize()
    for number in range(phones):
        sid = manager.connect(f"e{number}", "/")
        manager.enter_room(sid, "/", "gathering:1")
    return manager, server


def test_a_message_to_a_thousand_phones_pauses_after_every_slice_of_them():
    manager, server = hall(1000)
    manager.emit("questions_update", {"n": 1}, "/", room="gathering:1")
    assert len(server.written) == 1000
    assert server.pauses == 1000 // LocalManager.SLICE


def test_a_second_message_sent_during_a_pause_never_overtakes_the_first():
    manager, server = hall(1000)
    first = threading.Thread(
        target=manager.emit, args=("activity_state", {"state": "closed"}, "/", "gathering:1")
    )
    first.start()
    assert server.paused.wait(5)
    manager.emit("activity_state", {"state": "open"}, "/", room="gathering:1")
    first.join(10)
    heard = {}
    for eio_sid, data in server.written:
        heard.setdefault(eio_sid, []).append("closed" if "closed" in data else "open")
    assert len(heard) == 1000
    assert all(order == ["closed", "open"] for order in heard.values())


def test_a_small_room_goes_out_without_a_pause():
    manager, server = hall(30)
    manager.emit("table_update", {"n": 1}, "/", room="gathering:1")
    assert len(server.written) == 30 and server.pauses == 0
