"""Ingest: readers for every input format, turning files into Documents."""
