"""legrun.tui: what the terminal user touches, the Textual app and the command line."""
