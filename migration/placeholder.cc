// Placeholder until the readers land; keeps the library non-empty.
