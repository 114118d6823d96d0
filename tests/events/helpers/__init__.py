"""Plain helpers of the events tests, one module per family of test modules."""
