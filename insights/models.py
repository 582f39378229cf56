"""Filled in by a later issue; see ARCHITECTURE.md for what lives here."""
