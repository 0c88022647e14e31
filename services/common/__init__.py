"""Small, stable pieces every service shares: settings, events, Kafka, auth, store, HTTP."""
