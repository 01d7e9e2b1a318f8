file(REMOVE_RECURSE
  "libmsc.a"
)
