# CMake generated Testfile for 
# Source directory: /work/main/tests
# Build directory: /work/main/build/tests
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test(unit.field "/work/main/build/tests/test_field")
set_tests_properties(unit.field PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;5;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(unit.csvread "/work/main/build/tests/test_csvread")
set_tests_properties(unit.csvread PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;5;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(unit.calendar "/work/main/build/tests/test_calendar")
set_tests_properties(unit.calendar PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;5;add_test;/work/main/tests/CMakeLists.txt;0;")
subdirs("e2e")
