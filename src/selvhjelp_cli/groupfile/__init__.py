"""The group file as data: the model, its validation, the loader, the schema, the answers people type."""
