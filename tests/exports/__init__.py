"""Tests of app/exports/."""
