# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
# Diagnosis: ranked causes with evidence; one rule per file in rules/.
file(GLOB _corsbench_diag_rules CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/rules/*_rule.cpp)
target_sources(corsbench_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/cause.h
  ${CMAKE_CURRENT_LIST_DIR}/diagnosis.h ${CMAKE_CURRENT_LIST_DIR}/diagnosis.cpp
  ${CMAKE_CURRENT_LIST_DIR}/diagnosis_context.h ${CMAKE_CURRENT_LIST_DIR}/diagnosis_context.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rule.h ${CMAKE_CURRENT_LIST_DIR}/rule_registry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fix_bridge.h ${CMAKE_CURRENT_LIST_DIR}/fix_bridge.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rules/rule_support.h
  ${_corsbench_diag_rules})
