"""Accounts for a shared server: users, password hashing, sessions and log-in rate limits."""
