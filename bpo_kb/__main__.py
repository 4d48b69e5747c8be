"""``python -m bpo_kb`` runs the command line."""

from bpo_kb.cli import run

run()
