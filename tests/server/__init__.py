"""The real server process, as phones and screens meet it (python run.py in a child)."""
