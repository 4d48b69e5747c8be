"""Benchmarks: `python -m benchmarks` prints the table (see benchmarks/README.md)."""
