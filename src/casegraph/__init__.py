"""casegraph."""
