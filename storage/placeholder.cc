// Placeholder until the store lands; keeps the library non-empty.
