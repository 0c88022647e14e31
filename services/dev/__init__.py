"""`orcast dev`: the supervisor, the broker keeper with its journal, and the front door."""
