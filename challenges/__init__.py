"""Open-data challenges: lifecycle, teams, submissions, judging, awards and follow-up.

Imports only `graph` (and the standard library): the hub calls these services from its
resolvers and jobs. Pure logic (lifecycle, rubric, ranking, exports) does no I/O; the
storage services are plain async functions taking the graph engine as a keyword argument.
"""
