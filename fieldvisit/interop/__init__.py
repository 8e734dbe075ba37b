"""Readers and writers of other formats: frab XML, pretalx JSON, iCalendar, vCard, GPX, xlsx."""
