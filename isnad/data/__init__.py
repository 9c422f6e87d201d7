"""Bundled data: lexicons, gazetteers, models and tables, each with its source."""
