"""Human-readable renderings of an analysed Document: a terminal summary and a self-contained HTML page."""
