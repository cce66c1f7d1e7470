"""Simulated phones that behave like the phone page's outbox (static/js/shared/outbox.js).

Each phone keeps every submission in its outbox (the browser's localStorage)
until the server takes it or refuses it for good, sends it when it is queued,
resends everything on each (re)connect, and treats a missing ack after
ACK_TIMEOUT as "not stored yet". Which refusals are final and which are retried
is the page's own table, static/data/delivery.json; a retried item waits a
doubling, capped, jittered backoff before its next try. Many phones share one
asyncio loop.
"""

import asyncio
import json
import random
import time
from pathlib import Path

import socketio

ACK_TIMEOUT = 8.0  # connection.js: ACK_TIMEOUT = 8000
TICK = 1.0  # main.js: TICK = 1000, how often due items are sent
BACKOFF_FIRST = 1.0  # outbox.js: BACKOFF_FIRST = 1000
BACKOFF_CAP = 30.0  # outbox.js: BACKOFF_CAP = 30000
DELIVERY = json.loads(
    (Path(__file__).parent.parent / "static" / "data" / "delivery.json").read_text("utf-8")
)


def retryable(code, table=DELIVERY):
    """outbox.js retryable(): may this error code succeed later?"""
    if code in table["retry"]:
        return True
    if code in table["final"]:
        return False
    return table["default"] == "retry"


def verdict(ack, table=DELIVERY):
    """outbox.js verdict(): 'accepted', 'retry' or 'refused' for an ack (None: no answer)."""
    if not ack:
        return "retry"
    if ack.get("ok"):
        return "accepted"
    if not ack.get("error") and ack.get("status", 0) >= 500:
        return "retry"
    return "retry" if retryable(ack.get("error"), table) else "refused"


def backoff(attempt, rand=random.random):
    """outbox.js backoff(): seconds before the attempt-th retry, doubling, capped, jittered."""
    capped = min(BACKOFF_CAP, BACKOFF_FIRST * 2 ** min(attempt, 20))
    return capped * (0.75 + 0.5 * rand())


class Phone:
    def __init__(self, url, token, name, reconnection_delay=1.0, reconnection_delay_max=3.0):
        self.url, self.token, self.name = url, token, name
        self.outbox = {}  # client_id -> item, in the order queued (dicts keep order)
        self.inflight = set()
        self.acked = {}  # client_id -> entry id, from acks with ok: true
        self.duplicates = 0  # acks saying "stored before" (a resend of an unacked send)
        self.refusals = []  # final refusals (the page shelves their text)
        self.rate_limited = 0
        self.faults = []  # retried refusals other than rate_limited (try_again, internal_error)
        self.due = {}  # client_id -> monotonic time of its next try, while it backs off
        self.attempts = {}  # client_id -> failed tries so far
        self.connects = []  # monotonic time of every successful connect
        self.counter = 0
        self.delays = (reconnection_delay, reconnection_delay_max)
        self.closing = False
        self.reconnecting = None
        # The browser's Socket.IO client retries for ever; python-socketio's own loop stops
        # on errors other than a refused connection (a slow handshake on a busy machine),
        # so the phone runs the browser's loop itself.
        self.sio = socketio.AsyncClient(reconnection=False)
        self.sio.on("connect", self._on_connect)
        self.sio.on("disconnect", self._on_disconnect)

    async def start(self):
        await self.sio.connect(
            self.url, auth={"token": self.token}, transports=["websocket"], wait_timeout=20
        )

    async def _on_connect(self):
        self.connects.append(time.monotonic())
        self.due.clear()  # a reconnect ends every backoff, as on the page
        self.flush()

    async def _on_disconnect(self, reason=None):
        if not self.closing and (self.reconnecting is None or self.reconnecting.done()):
            self.reconnecting = asyncio.get_running_loop().create_task(self._reconnect())

    async def _reconnect(self):
        """Try again and again, with the browser client's growing, capped delay."""
        delay, cap = self.delays
        while not self.closing and not self.sio.connected:
            await asyncio.sleep(delay * random.uniform(0.5, 1.5))
            delay = min(delay * 2, cap)
            try:
                await self.start()
            except Exception:  # refused, timed out or reset: the next round tries again
                await self._drop()

    async def _drop(self):
        try:
            await self.sio.disconnect()
        except Exception:
            pass

    def submit(self, activity_id):
        """Queue a new statement (stored before it is sent), then try to send it."""
        self.counter += 1
        client_id = f"{self.name}-{self.counter}"
        item = {
            "activity_id": activity_id,
            "client_id": client_id,
            "text": f"Utsagn {self.counter} fra {self.name} ✓",
        }
        self.outbox[client_id] = item
        self.send(item)
        return item

    def send(self, item):
        if not self.sio.connected or item["client_id"] in self.inflight:
            return
        self.inflight.add(item["client_id"])
        asyncio.get_running_loop().create_task(self._send(item))

    async def _send(self, item):
        try:
            ack = await self.sio.call("submit", item, timeout=ACK_TIMEOUT)
        except Exception:  # timeout or disconnect: it stays in the outbox
            ack = None
        finally:
            self.inflight.discard(item["client_id"])
        client_id = item["client_id"]
        outcome = verdict(ack)
        if outcome == "accepted":
            self.outbox.pop(client_id, None)
            self.due.pop(client_id, None)
            self.acked[client_id] = ack["id"]
            self.duplicates += bool(ack.get("duplicate"))
        elif outcome == "refused":
            self.outbox.pop(client_id, None)
            self.due.pop(client_id, None)
            self.refusals.append(ack)
        else:  # stays in the outbox; the timer sends it again after its backoff
            if ack and ack.get("error") == "rate_limited":
                self.rate_limited += 1
            elif ack:
                self.faults.append(ack)
            self.attempts[client_id] = self.attempts.get(client_id, 0) + 1
            self.due[client_id] = time.monotonic() + backoff(self.attempts[client_id] - 1)

    def flush(self):
        now = time.monotonic()
        for item in list(self.outbox.values()):
            if self.due.get(item["client_id"], 0) <= now:
                self.send(item)

    async def resend_timer(self):
        """main.js's setInterval: send what is due while anything waits."""
        while True:
            await asyncio.sleep(TICK)
            if self.outbox and self.sio.connected:
                self.flush()

    async def close(self):
        self.closing = True
        if self.reconnecting is not None:
            self.reconnecting.cancel()
        await self.sio.disconnect()


async def keep_submitting(phone, activity_id, every, stop):
    """A person typing a statement every `every` seconds (jittered), online or not."""
    await asyncio.sleep(random.uniform(0, every))
    while not stop.is_set():
        phone.submit(activity_id)
        await asyncio.sleep(random.uniform(0.5 * every, 1.5 * every))
