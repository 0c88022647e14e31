"""The sign-in service: people's sign-in and the home page (app.py says what it holds)."""
