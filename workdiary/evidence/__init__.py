"""Letters and evidence packs: pure functions from domain values to text and PDF bytes."""
