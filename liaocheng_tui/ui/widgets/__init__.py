"""The reader's widgets, one per file; each sends messages up and takes attributes down."""
