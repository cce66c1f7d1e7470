"""Simulated phones that behave like static/js/participant.js: an outbox that outlives the socket.

Each phone keeps every submission in its outbox (the browser's localStorage)
until the server acknowledges it, sends it when it is queued, resends
everything on each (re)connect and every RESEND_EVERY seconds while anything
waits, and treats a missing ack after ACK_TIMEOUT as "not stored yet".
Which refusals are sent again and which are final comes from the one table the
phone's page reads too, static/data/delivery.json.
Many phones share one asyncio loop.
"""

import asyncio
import json
import random
import time
from pathlib import Path

import socketio

DELIVERY = json.loads(
    (Path(__file__).resolve().parent.parent / "static" / "data" / "delivery.json").read_text(
        encoding="utf-8"
    )
)
ACK_TIMEOUT = DELIVERY["ack_timeout_ms"] / 1000
RESEND_EVERY = DELIVERY["resend_every_ms"] / 1000


def is_final(ack):
    """Whether a refusal ends the item's delivery (else the outbox sends it again later)."""
    code = ack.get("error")
    if code in DELIVERY["retry"]:
        return False
    return code in DELIVERY["final"] or DELIVERY["unknown_code"] == "final"


class Phone:
    def __init__(self, url, token, name, reconnection_delay=1.0, reconnection_delay_max=3.0):
        self.url, self.token, self.name = url, token, name
        self.outbox = {}  # client_id -> item, in the order queued (dicts keep order)
        self.inflight = set()
        self.acked = {}  # client_id -> entry id, from acks with ok: true
        self.duplicates = 0  # acks saying "stored before" (a resend of an unacked send)
        self.refusals = []  # final refusals (delivery.json), their items left the outbox
        self.rate_limited = 0
        self.retried = {}  # error code -> refusals that keep the item in the outbox
        self.not_before = 0.0  # a try_again's retry_after: no resend before this moment
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
        if not ack:
            return
        if ack.get("ok"):
            self.outbox.pop(item["client_id"], None)
            self.acked[item["client_id"]] = ack["id"]
            self.duplicates += bool(ack.get("duplicate"))
        elif not is_final(ack):
            # Stays in the outbox; the timer sends it again (not before its retry_after).
            code = ack.get("error")
            self.retried[code] = self.retried.get(code, 0) + 1
            self.rate_limited += code == "rate_limited"
            if ack.get("retry_after"):
                self.not_before = time.monotonic() + ack["retry_after"]
        else:
            self.outbox.pop(item["client_id"], None)
            self.refusals.append(ack)

    def flush(self):
        for item in list(self.outbox.values()):
            self.send(item)

    async def resend_timer(self):
        """participant.js's setInterval: resend while anything waits."""
        while True:
            await asyncio.sleep(RESEND_EVERY)
            if self.outbox and self.sio.connected and time.monotonic() >= self.not_before:
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
