# Empty dependencies file for test_csvread.
# This may be replaced when dependencies are built.
