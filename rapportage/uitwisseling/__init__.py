"""Import and export of a programme's history in the `uitstap-import/1` format (IMPORT.md)."""
