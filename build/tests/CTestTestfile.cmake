# CMake generated Testfile for 
# Source directory: /work/main/tests
# Build directory: /work/main/build/tests
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test(unit.field "/work/main/build/tests/test_field")
set_tests_properties(unit.field PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;3;add_test;/work/main/tests/CMakeLists.txt;0;")
