"""The static bilingual HTML glossary (the ``html`` export)."""
