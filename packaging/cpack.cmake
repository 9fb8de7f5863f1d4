# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
#
# Install rules and CPack (Debian package). Included last by the top-level CMakeLists.txt, so
# every target exists here. Programs are installed by app/; this file adds the data files.
#
#   cmake --build build/release && cd build/release && cpack -G DEB
#   -> corsbench_<version>_<arch>.deb
include(GNUInstallDirs)

set(_corsbench_packaging_dir "${CMAKE_CURRENT_LIST_DIR}")

# --- programs --------------------------------------------------------------------------------
# app/CMakeLists.txt installs corsbench and corsbench-cli into CMAKE_INSTALL_BINDIR.
# qt_standard_project_setup() gives executables an $ORIGIN RUNPATH; an installed binary in
# /usr/bin finds its libraries through the system paths, so drop it from the installed copy.
foreach(_target corsbench corsbench_cli)
  if(TARGET ${_target})
    set_target_properties(${_target} PROPERTIES INSTALL_RPATH "")
  endif()
endforeach()

# --- desktop integration (Linux) ---------------------------------------------------------------
if(UNIX AND NOT APPLE AND CORSBENCH_BUILD_GUI)
  install(FILES "${_corsbench_packaging_dir}/linux/corsbench.desktop"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT runtime)
  install(FILES "${_corsbench_packaging_dir}/linux/io.github.corsbench.metainfo.xml"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT runtime)
  if(EXISTS "${PROJECT_SOURCE_DIR}/resources/icons/corsbench.svg")
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/corsbench.svg"
      DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT runtime)
  else()
    message(STATUS "resources/icons/corsbench.svg not found: the package will have no icon")
  endif()
endif()

# --- CPack ---------------------------------------------------------------------------------------
set(CORSBENCH_PACKAGE_CONTACT "corsbench maintainers <maintainers@corsbench.invalid>"
  CACHE STRING "Maintainer field of the Debian package")

set(CPACK_PACKAGE_NAME corsbench)
set(CPACK_PACKAGE_VENDOR "corsbench authors")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Workbench for debugging CORS")
set(CPACK_PACKAGE_DESCRIPTION [=[corsbench shows what a browser does with a cross-origin fetch: whether a
preflight is needed, what it asks for, and whether the server's response
headers let the request through. corsbench-cli checks recorded exchanges
from scripts and CI.]=])
set(CPACK_PACKAGE_CONTACT "${CORSBENCH_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY corsbench)
set(CPACK_STRIP_FILES ON)
if(EXISTS "${PROJECT_SOURCE_DIR}/LICENSE")
  set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
endif()

if(NOT CPACK_GENERATOR)
  set(CPACK_GENERATOR DEB)
endif()
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Library dependencies come from dpkg-shlibdeps; the Qt SVG image plugin (icons) and the fonts
# are dlopen()ed/read at run time, which shlibdeps cannot see.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, fonts-dejavu-core")

set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build/" "/build-[^/]*/" "/out/" "\\\\.user$")

include(CPack)
