"""Tests of app/realtime/."""
