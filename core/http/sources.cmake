target_sources(corsbench_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/header_list.h ${CMAKE_CURRENT_LIST_DIR}/header_list.cpp
  ${CMAKE_CURRENT_LIST_DIR}/origin.h ${CMAKE_CURRENT_LIST_DIR}/origin.cpp
  ${CMAKE_CURRENT_LIST_DIR}/exchange.h ${CMAKE_CURRENT_LIST_DIR}/exchange.cpp)
