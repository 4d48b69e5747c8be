"""SKOS as people read it: labels for display, property groups, completion (inverse links),
hierarchy, finding and searching concepts, re-basing."""
