"""`webcare` commands that live in a module of their own (the cli registers them)."""
