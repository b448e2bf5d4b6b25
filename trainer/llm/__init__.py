"""Any OpenAI-compatible endpoint, for whatever in the game asks a model: settings, a client, typed errors.

Nothing here imports `openai` until a request is made; nothing here knows about the UI or the engine.
"""
