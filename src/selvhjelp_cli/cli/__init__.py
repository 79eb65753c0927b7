"""The command line, door one: Typer commands, their options, and what the terminal shows."""
