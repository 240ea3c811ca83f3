"""The demo clinic: two clinics, one user per role, synthetic patients and their history.

Everything here is invented. Names are random pairings of common given names and
surnames; no record describes a real person.
"""
