"""What knows nothing of groups: the language spoken, errors, words, dates, files, YAML with lines."""
