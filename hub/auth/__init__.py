"""Accounts, sessions, API tokens, roles and permissions, and the HTTP guards of the hub."""
