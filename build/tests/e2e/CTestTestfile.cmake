# CMake generated Testfile for 
# Source directory: /work/main/tests/e2e
# Build directory: /work/main/build/tests/e2e
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test(e2e.spec_tiny "/usr/bin/python3" "/work/main/tests/e2e/compare_table.py" "/work/main/build/msp-scorecard" "/work/main/tests/data/spec/tiny/expected.csv" "/work/main/build/tests/e2e/work/spec_tiny" "/work/main/tests/data/spec/tiny" "--month" "2026-03" "--months" "1")
set_tests_properties(e2e.spec_tiny PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/e2e/CMakeLists.txt;10;add_test;/work/main/tests/e2e/CMakeLists.txt;14;table_test;/work/main/tests/e2e/CMakeLists.txt;0;")
add_test(e2e.spec_week "/usr/bin/python3" "/work/main/tests/e2e/compare_table.py" "/work/main/build/msp-scorecard" "/work/main/tests/data/spec/periods/expected-week.csv" "/work/main/build/tests/e2e/work/spec_week" "/work/main/tests/data/spec/periods" "-c" "/work/main/tests/data/spec/periods/settings.ini" "--period" "week" "--months" "3" "--as-of" "2026-01-09 12:00")
set_tests_properties(e2e.spec_week PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/e2e/CMakeLists.txt;10;add_test;/work/main/tests/e2e/CMakeLists.txt;15;table_test;/work/main/tests/e2e/CMakeLists.txt;0;")
add_test(e2e.spec_quarter "/usr/bin/python3" "/work/main/tests/e2e/compare_table.py" "/work/main/build/msp-scorecard" "/work/main/tests/data/spec/periods/expected-quarter.csv" "/work/main/build/tests/e2e/work/spec_quarter" "/work/main/tests/data/spec/periods" "-c" "/work/main/tests/data/spec/periods/settings.ini" "--period" "quarter" "--month" "2026-01" "--months" "2")
set_tests_properties(e2e.spec_quarter PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/e2e/CMakeLists.txt;10;add_test;/work/main/tests/e2e/CMakeLists.txt;17;table_test;/work/main/tests/e2e/CMakeLists.txt;0;")
add_test(e2e.spec_calendar_mttr "/usr/bin/python3" "/work/main/tests/e2e/compare_table.py" "/work/main/build/msp-scorecard" "/work/main/tests/data/spec/periods/expected-month-calendar-mttr.csv" "/work/main/build/tests/e2e/work/spec_calendar_mttr" "/work/main/tests/data/spec/periods" "-c" "/work/main/tests/data/calendar-mttr.ini" "--month" "2026-01" "--months" "1" "--kpi" "mttr")
set_tests_properties(e2e.spec_calendar_mttr PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/e2e/CMakeLists.txt;10;add_test;/work/main/tests/e2e/CMakeLists.txt;19;table_test;/work/main/tests/e2e/CMakeLists.txt;0;")
add_test(e2e.spec_tiny_rejects "/usr/bin/python3" "/work/main/tests/e2e/compare_rejects.py" "/work/main/build/msp-scorecard" "/work/main/tests/data/spec/tiny/expected-rejects.csv" "/work/main/tests/data/spec/tiny" "--month" "2026-03" "--months" "1")
set_tests_properties(e2e.spec_tiny_rejects PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/e2e/CMakeLists.txt;22;add_test;/work/main/tests/e2e/CMakeLists.txt;0;")
add_test(e2e.cli "sh" "/work/main/tests/e2e/cli.sh" "/work/main/build/msp-scorecard" "/work/main/tests/data" "/work/main/build/tests/e2e/work/cli")
set_tests_properties(e2e.cli PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/e2e/CMakeLists.txt;26;add_test;/work/main/tests/e2e/CMakeLists.txt;0;")
