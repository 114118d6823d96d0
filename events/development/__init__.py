"""Mijn ontwikkeling: someone's record of professional development (hours and points per
year), its statement as PDF and CSV, and the public check of a statement's line."""
