"""What is printed: the contents of each document, rendering to PDF, HTML and Markdown, letterheads."""
