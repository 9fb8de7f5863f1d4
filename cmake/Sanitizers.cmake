# SPDX-FileCopyrightText: 2026 corsbench authors
# SPDX-License-Identifier: MIT
function(corsbench_apply_sanitizers target)
  if(CORSBENCH_SANITIZERS)
    target_compile_options(${target} PRIVATE -fsanitize=${CORSBENCH_SANITIZERS} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${CORSBENCH_SANITIZERS})
  endif()
endfunction()
