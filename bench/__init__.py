"""Benchmarks: scripts that print speed and memory figures (``make bench``); not tests."""
