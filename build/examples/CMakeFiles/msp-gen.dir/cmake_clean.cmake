file(REMOVE_RECURSE
  "../msp-gen"
  "../msp-gen.pdb"
  "CMakeFiles/msp-gen.dir/gen/msp-gen.c.o"
  "CMakeFiles/msp-gen.dir/gen/msp-gen.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/msp-gen.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
