"""factory_boy factories, one per model, grouped by plugin (tests/factories/<plugin>.py)."""
