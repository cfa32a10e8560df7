"""Dialogs the pages open for one task each: registering an arrival, correcting or cancelling an entry, reading its
history. Each takes the page's environment, does its work through the services and words errors with describe()."""
