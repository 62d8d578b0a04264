"""The store: the SQLite schema, the shared record classes, and the only SQL."""
