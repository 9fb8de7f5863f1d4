target_sources(corsbench_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/commands.h ${CMAKE_CURRENT_LIST_DIR}/cli.cpp
  ${CMAKE_CURRENT_LIST_DIR}/arguments.h ${CMAKE_CURRENT_LIST_DIR}/arguments.cpp
  ${CMAKE_CURRENT_LIST_DIR}/check_command.cpp)
# Subcommands of other areas register their own files in their sources.cmake; until they do,
# stubs.cpp provides "not implemented yet" versions (guarded by the macros below).
foreach(cmd probe scan diagnose simulate)
  if(NOT EXISTS "${CMAKE_CURRENT_LIST_DIR}/${cmd}_command.cpp")
    string(TOUPPER ${cmd} _CMD)
    target_compile_definitions(corsbench_core PRIVATE CORSBENCH_STUB_${_CMD}=1)
  else()
    target_sources(corsbench_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/${cmd}_command.cpp)
  endif()
endforeach()
target_sources(corsbench_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/stubs.cpp)
