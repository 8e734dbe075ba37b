"""Personal exports: the notes booklet, agenda, contacts and itinerary files."""
