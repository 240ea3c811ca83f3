"""The rule engine: pure functions from a proposal and the knowledge base to an assessment."""
