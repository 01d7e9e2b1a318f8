# CMake generated Testfile for 
# Source directory: /work/main/cmd
# Build directory: /work/main/build/cmd
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
