"""Exports of a case: the JSON case bundle, FtM JSON lines (Aleph), and the sourced dossier."""
