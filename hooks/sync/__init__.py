"""`scripts/sync`: compare the catalog with models.dev and Cline's generated catalog, report drift, apply it.

Not a MkDocs hook: it lives beside `catalog` so that it can read the data files the same way.
"""
