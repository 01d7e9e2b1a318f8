# CMake generated Testfile for 
# Source directory: /work/main/lib
# Build directory: /work/main/build/lib
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
