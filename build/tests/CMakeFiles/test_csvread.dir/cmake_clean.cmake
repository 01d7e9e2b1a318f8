file(REMOVE_RECURSE
  "CMakeFiles/test_csvread.dir/unit/test_csvread.c.o"
  "CMakeFiles/test_csvread.dir/unit/test_csvread.c.o.d"
  "test_csvread"
  "test_csvread.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_csvread.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
