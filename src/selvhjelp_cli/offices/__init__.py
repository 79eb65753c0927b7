"""What offices see: the overview, the public list of open groups, the spreadsheet."""
