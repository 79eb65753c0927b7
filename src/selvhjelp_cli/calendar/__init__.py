"""A group's meetings: the plan with its exceptions, holidays, the calendar file."""
