"""Shared StreamField blocks: content only, each with a template and an API representation."""
