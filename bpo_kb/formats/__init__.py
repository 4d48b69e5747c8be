"""Formats, one module each holding its reader and its writer, and the registry FORMATS."""
