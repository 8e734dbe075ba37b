"""Handlers of the command-line sub-commands: parse-free glue from arguments to services."""
