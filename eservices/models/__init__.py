"""E-services records. Each service keeps its models in its own module, re-exported here."""
