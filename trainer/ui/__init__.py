"""The Textual app: screens and widgets over the engine's sessions; nothing below imports it."""
