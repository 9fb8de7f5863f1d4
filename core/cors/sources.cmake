target_sources(corsbench_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/fetch_rules.h ${CMAKE_CURRENT_LIST_DIR}/fetch_rules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/verdict.h ${CMAKE_CURRENT_LIST_DIR}/verdict.cpp
  ${CMAKE_CURRENT_LIST_DIR}/browser_messages.h ${CMAKE_CURRENT_LIST_DIR}/browser_messages.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cors_engine.h ${CMAKE_CURRENT_LIST_DIR}/cors_engine.cpp)
