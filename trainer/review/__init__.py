"""Coach review: a stored session annotated turn by turn, and exported for reading elsewhere."""
