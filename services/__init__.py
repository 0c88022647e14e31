"""ORcast: live, de-identified, approved educational updates from the operating room."""
