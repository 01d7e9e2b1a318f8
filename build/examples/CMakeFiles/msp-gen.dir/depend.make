# Empty dependencies file for msp-gen.
# This may be replaced when dependencies are built.
