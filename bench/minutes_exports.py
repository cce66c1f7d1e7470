"""Time every minutes format for the Innlandet gathering: 12 tables, 60 words, 36 statements.

Run: python bench/minutes_exports.py (not part of the test suite).
"""

import sys
import tempfile
import time
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
from app import create_app
from conftest import Organiser
app = create_app({"TESTING": True, "DATA_DIR": tempfile.mkdtemp(), "ADMIN_TOKEN": "test-organiser-token", "ASYNC_MODE": "threading"})
o = Organiser(app.test_client()); c = app.test_client()
g = o.create(template="innlandet-ledersamling-2020")
w, s = g["activities"]
o.open(g, w); o.open(g, s)
for t in range(1, 13):
    for p in range(5):
        tok = c.post("/api/join", json={"code": g["code"], "table": t}).get_json()["participant_token"]
        c.post("/api/submissions", json={"activity_id": w["id"], "text": ["Jippi","Magisk","Kreativ","Trivsel","Spent"][(t+p)%5], "client_id": f"w{t}{p}"}, headers={"Authorization": f"Bearer {tok}"})
        if p < 3:
            c.post("/api/submissions", json={"activity_id": s["id"], "text": f"Samordne rekomp og dekomp på alle nivåer, bord {t} utsagn {p}\nmed en linje til om fylkesmannens rolle", "client_id": f"s{t}{p}"}, headers={"Authorization": f"Bearer {tok}"})
for fmt in ("json", "md", "csv", "html", "docx", "pdf", "xlsx"):
    t0 = time.perf_counter(); r = o.get(f"/api/gatherings/{g['id']}/export.{fmt}"); dt = time.perf_counter() - t0
    print(f"{fmt}: {r.status_code} {len(r.data)/1024:.0f} KiB {dt:.2f} s")
