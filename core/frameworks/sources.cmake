# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
target_sources(corsbench_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/framework.h
  ${CMAKE_CURRENT_LIST_DIR}/python_source.h ${CMAKE_CURRENT_LIST_DIR}/python_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/config_parser.h ${CMAKE_CURRENT_LIST_DIR}/config_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/server_model.h ${CMAKE_CURRENT_LIST_DIR}/server_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unified_diff.h ${CMAKE_CURRENT_LIST_DIR}/unified_diff.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fix_generator.h ${CMAKE_CURRENT_LIST_DIR}/fix_generator.cpp)
