# Empty dependencies file for test_calendar.
# This may be replaced when dependencies are built.
