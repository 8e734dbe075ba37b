"""The Programme section: day timeline, list, filters, session detail and My agenda."""
