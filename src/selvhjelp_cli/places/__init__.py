"""Where a group is and who serves it: counties, municipalities, postcodes, the directory."""
