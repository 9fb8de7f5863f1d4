# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
# Ingest: detect and parse what users paste (console lines, logs, HAR, curl, raw HTTP, JSON).
target_sources(corsbench_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/evidence.h
  ${CMAKE_CURRENT_LIST_DIR}/ingest.h ${CMAKE_CURRENT_LIST_DIR}/ingest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/console_parser.h ${CMAKE_CURRENT_LIST_DIR}/console_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/server_log_parser.h ${CMAKE_CURRENT_LIST_DIR}/server_log_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/curl_parser.h ${CMAKE_CURRENT_LIST_DIR}/curl_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/har_reader.h ${CMAKE_CURRENT_LIST_DIR}/har_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/har_kernel.h ${CMAKE_CURRENT_LIST_DIR}/har_kernel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/har_entry_walk.h)

# HAR files are walked with simdjson's on-demand parser (Debian 12: libsimdjson-dev).
find_package(simdjson CONFIG QUIET)
if(TARGET simdjson::simdjson)
  set(CORSBENCH_SIMDJSON_TARGET simdjson::simdjson CACHE INTERNAL "")
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(SIMDJSON REQUIRED IMPORTED_TARGET GLOBAL simdjson)
  set(CORSBENCH_SIMDJSON_TARGET PkgConfig::SIMDJSON CACHE INTERNAL "")
endif()
target_link_libraries(corsbench_core PRIVATE ${CORSBENCH_SIMDJSON_TARGET})

# corsbench_add_har_kernels(<consumer> <source> <dispatch source>): compiles <source> once per CPU
# target into <consumer> with CORSBENCH_HAR_KERNEL=<name>, and tells <dispatch source> (a source of
# <consumer> in the calling directory) which ones exist with CORSBENCH_HAR_KERNEL_<NAME>.
# simdjson's on-demand API compiles its builtin kernel from the compile flags, so runtime dispatch
# means one object per target: haswell (AVX2), westmere (SSE4.2) and the portable baseline
# (simdjson's "fallback" on x86-64, its NEON kernel on ARM64). har_kernel.cpp chooses at run time;
# nothing else is compiled with -m flags, so the program runs on any x86-64.
function(corsbench_add_har_kernels consumer source dispatch)
  set(_kernels portable)
  set(_flags_portable "")
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64" AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    list(APPEND _kernels haswell westmere)
    set(_flags_haswell -mavx2 -mbmi -mbmi2 -mpclmul -mlzcnt -mpopcnt)
    set(_flags_westmere -msse4.2 -mpclmul -mpopcnt)
  endif()
  foreach(_k IN LISTS _kernels)
    set(_obj ${consumer}_har_${_k})
    add_library(${_obj} OBJECT ${source})
    set_target_properties(${_obj} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF) # no Qt in kernels
    target_compile_definitions(${_obj} PRIVATE CORSBENCH_HAR_KERNEL=${_k})
    target_compile_options(${_obj} PRIVATE ${_flags_${_k}})
    if(_flags_${_k})
      # Inline code the kernel shares with other objects (std::, simdjson:: outside the kernel's
      # namespace) is emitted out of line at -O0, compiled with these flags, and the linker may keep
      # that copy for the whole program: an AVX instruction on a CPU without AVX. Optimised, it is
      # inlined and nothing shared is emitted (checked with nm/objdump), so Debug builds optimise
      # the SIMD kernels too.
      target_compile_options(${_obj} PRIVATE $<$<CONFIG:Debug>:-O2>)
    endif()
    target_include_directories(${_obj} PRIVATE "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${_obj} PRIVATE ${CORSBENCH_SIMDJSON_TARGET})
    corsbench_target(${_obj})
    target_sources(${consumer} PRIVATE $<TARGET_OBJECTS:${_obj}>)
    string(TOUPPER ${_k} _K)
    # On the one source that dispatches, not the whole consumer: a new define would rebuild it all.
    set_property(SOURCE ${dispatch} APPEND PROPERTY COMPILE_DEFINITIONS CORSBENCH_HAR_KERNEL_${_K}=1)
  endforeach()
endfunction()

corsbench_add_har_kernels(corsbench_core ${CMAKE_CURRENT_LIST_DIR}/har_kernel_target.cpp ${CMAKE_CURRENT_LIST_DIR}/har_kernel.cpp)
