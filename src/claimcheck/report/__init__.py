"""Reporters: turn a run's documents, claims, groups and findings into text, JSON, SARIF, HTML ..."""
