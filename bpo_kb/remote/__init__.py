"""Talking to servers: HTTP with credentials, Graph Store publishing, remote SPARQL."""
