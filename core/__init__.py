"""Base package: shared types, text normalisation, numerals, settings, tokenizer, formatters (docs/ARCHITECTURE.md)."""
