"""Curating a vocabulary against others: alignment by label, and differences between versions."""
