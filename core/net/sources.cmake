# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
# core/net: the live prober (raw HTTP/1.1 over QTcpSocket/QSslSocket; QtNetwork stays private:
# no public header here mentions a QtNetwork type).
target_sources(corsbench_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/timings.h
  ${CMAKE_CURRENT_LIST_DIR}/http_wire.h ${CMAKE_CURRENT_LIST_DIR}/http_wire.cpp
  ${CMAKE_CURRENT_LIST_DIR}/transport.h ${CMAKE_CURRENT_LIST_DIR}/raw_http_client.cpp
  ${CMAKE_CURRENT_LIST_DIR}/browser_profile.h ${CMAKE_CURRENT_LIST_DIR}/browser_profile.cpp
  ${CMAKE_CURRENT_LIST_DIR}/prober.h ${CMAKE_CURRENT_LIST_DIR}/prober.cpp
  ${CMAKE_CURRENT_LIST_DIR}/exchange_diff.cpp
  ${CMAKE_CURRENT_LIST_DIR}/probe_report.h ${CMAKE_CURRENT_LIST_DIR}/probe_report.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cli_support.h)
target_sources(corsbench_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/scanner.h ${CMAKE_CURRENT_LIST_DIR}/scanner.cpp)
