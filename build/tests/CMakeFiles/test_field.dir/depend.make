# Empty dependencies file for test_field.
# This may be replaced when dependencies are built.
