"""The ecosystem domain: organisations, people, networks, programmes, calls, pilots, projects."""
