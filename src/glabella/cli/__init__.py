"""The ``glabella`` command line."""
