file(REMOVE_RECURSE
  "../msp-scorecard"
  "../msp-scorecard.pdb"
  "CMakeFiles/msp-scorecard.dir/main.c.o"
  "CMakeFiles/msp-scorecard.dir/main.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/msp-scorecard.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
