"""Moving data in and out of legrun: the plan as calendar events (ICS, CalDAV), every record
as JSON or CSV, and runs from watch files (GPX, FIT). The command line (`legrun.tui.cli`) and
the app call these; what is stored goes through the repository, one transaction an import."""
