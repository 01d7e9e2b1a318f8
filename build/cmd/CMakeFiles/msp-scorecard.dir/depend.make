# Empty dependencies file for msp-scorecard.
# This may be replaced when dependencies are built.
