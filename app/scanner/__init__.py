"""Scanning: page sources (SANE, files) and the image cleanup pipeline. No Qt here; the UI drives it through jobs."""
