# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
# Ingest: detect and parse what users paste (console lines, logs, HAR, curl, raw HTTP, JSON).
target_sources(corsbench_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/evidence.h
  ${CMAKE_CURRENT_LIST_DIR}/ingest.h ${CMAKE_CURRENT_LIST_DIR}/ingest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/console_parser.h ${CMAKE_CURRENT_LIST_DIR}/console_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/server_log_parser.h ${CMAKE_CURRENT_LIST_DIR}/server_log_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/curl_parser.h ${CMAKE_CURRENT_LIST_DIR}/curl_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/har_reader.h ${CMAKE_CURRENT_LIST_DIR}/har_reader.cpp)
# HAR files are walked with simdjson's on-demand parser (Debian 12: libsimdjson-dev).
find_package(simdjson CONFIG QUIET)
if(TARGET simdjson::simdjson)
  target_link_libraries(corsbench_core PRIVATE simdjson::simdjson)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(SIMDJSON REQUIRED IMPORTED_TARGET simdjson)
  target_link_libraries(corsbench_core PRIVATE PkgConfig::SIMDJSON)
endif()
# simdjson's on-demand API is header-inline and picks its kernel at compile time; without at least
# SSE4.2 + PCLMUL it falls back to the scalar kernel. Every x86-64 CPU since 2010 has both.
if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64" AND NOT MSVC)
  set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/har_reader.cpp PROPERTIES COMPILE_OPTIONS "-msse4.2;-mpclmul")
endif()
