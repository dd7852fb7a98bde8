"""The API's routes, one module per group: :mod:`.concepts` (lookup, list, concepts, terms, review,
history), :mod:`.files` (check, extract, import, export), :mod:`.memories` (memory search and
concordance), :mod:`.tokens` (tokens, for admins) and :mod:`.health`."""
