"""RDF plumbing: reading files into a graph or store, the stores, prefixes and CURIEs, the one
pyoxigraph<->rdflib term conversion, IRI and language-tag checks."""
