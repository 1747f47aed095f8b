"""Meet-the-buyer training sessions (pure Python): the trainer's live view of the room, and
the summary a closed session keeps."""
