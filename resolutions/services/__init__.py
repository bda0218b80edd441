"""The only code that writes to the archive. See ingest.ingest_paths."""
