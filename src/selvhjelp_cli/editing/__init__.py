"""Changes to a group file that lose nothing: splices, the editor, the events of a group's life, new files."""
