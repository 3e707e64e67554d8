"""Pure Python: the diary's records, the rules they meet, and the figures derived from them."""
