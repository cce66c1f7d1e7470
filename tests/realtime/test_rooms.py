"""The client manager keeps each connection's rooms, so one that leaves looks in its own
rooms only, and the rooms end up exactly as python-socketio's own manager leaves them."""

import random

import socketio

from app.realtime.server import LocalManager, manager_options


class _Server:
    """What a manager asks of its server: new ids."""

    def __init__(self):
        self.count = 0
        self.eio = self
        self.packet_class = socketio.packet.Packet

    def generate_id(self):
        self.count += 1
        return f"s{self.count}"


def managers():
    made = []
    for manager in (LocalManager(), socketio.Manager()):
        manager.set_server(_Server())
        manager.initialize()
        made.append(manager)
    return made


def rooms_of(manager):
    return {
        namespace: {room: dict(members) for room, members in rooms.items()}
        for namespace, rooms in manager.rooms.items()
    }


def test_connections_that_join_leave_and_drop_leave_the_same_rooms_behind():
    ours, theirs = managers()
    rng = random.Random(5)
    live = []
    for step in range(2000):
        action = rng.random()
        if action < 0.4 or not live:
            sids = [m.connect(f"e{step}", "/") for m in (ours, theirs)]
            assert sids[0] == sids[1]
            live.append(sids[0])
        elif action < 0.7:
            sid = rng.choice(live)
            room = f"table:{rng.randrange(20)}"
            for m in (ours, theirs):
                m.enter_room(sid, "/", room)
        elif action < 0.8:
            sid = rng.choice(live)
            room = f"table:{rng.randrange(20)}"
            for m in (ours, theirs):
                m.leave_room(sid, "/", room)
        elif action < 0.82:
            room = f"table:{rng.randrange(20)}"
            for m in (ours, theirs):
                m.close_room(room, "/")
        else:
            sid = live.pop(rng.randrange(len(live)))
            for m in (ours, theirs):
                m.disconnect(sid, "/")
        assert rooms_of(ours) == rooms_of(theirs)
    for sid in live:
        ours.disconnect(sid, "/")
    assert ours.rooms == {} and ours._joined == {"/": {}}


def test_a_process_without_a_queue_keeps_its_rooms_itself():
    assert isinstance(manager_options(None)["client_manager"], LocalManager)
    assert "client_manager" not in manager_options("kafka://localhost:9092")
