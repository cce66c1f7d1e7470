"""Browser tests: Chromium against the real server."""
