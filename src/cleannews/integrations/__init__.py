"""Integrations with scale-out frameworks (optional dependencies)."""
