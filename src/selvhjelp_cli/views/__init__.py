"""What each command other than `check` prints: one module per command.

Everything that comes from a user's file or command line is printed as
literal text (never Rich markup) and through console.printable.
"""
