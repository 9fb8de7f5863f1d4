target_sources(corsbench_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/exchange_json.h ${CMAKE_CURRENT_LIST_DIR}/exchange_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/verdict_json.h ${CMAKE_CURRENT_LIST_DIR}/verdict_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_writer.h ${CMAKE_CURRENT_LIST_DIR}/json_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/input_file.h ${CMAKE_CURRENT_LIST_DIR}/input_file.cpp)
