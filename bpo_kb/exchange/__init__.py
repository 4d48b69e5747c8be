"""Terminology exchange: spreadsheets (CSV), TBX, SSSOM mappings, alignment and version diffs."""
