target_sources(corsbench_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/result.h)
