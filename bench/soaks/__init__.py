"""The checks `make soak` runs (bench/soak.py registers them); each takes a size and returns a Result."""
