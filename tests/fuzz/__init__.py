"""Fuzzing the readers: shared targets (readers.py), the long run (run_fuzz.py), the corpus."""
