"""Engine: sessions, moves, intents and events — no UI, storage or network."""
