file(REMOVE_RECURSE
  "CMakeFiles/test_field.dir/unit/test_field.c.o"
  "CMakeFiles/test_field.dir/unit/test_field.c.o.d"
  "test_field"
  "test_field.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_field.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
