# A compiler cache, when ccache is installed (scripts/setup.sh installs it):
# every build of every clone on this machine (build/, build-asan/, a CI run's
# clean clone) shares one cache outside the clone, by default ccache's own
# ~/.cache/ccache (CCACHE_DIR moves it). Paths are taken relative to the
# source directory, so two clones at different places hit the same entries;
# a precompiled header, when one is asked for, is cached too (GCC needs
# -fpch-preprocess, and ccache the pch sloppiness), though for that clone
# only (CMakeLists.txt, CCHC_PCH). -DCCHC_CCACHE=OFF compiles without it.
option(CCHC_CCACHE "Compile through ccache when it is installed" ON)
if(CCHC_CCACHE)
  find_program(CCHC_CCACHE_PROGRAM ccache)
  if(CCHC_CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER
        ${CMAKE_COMMAND} -E env
        CCACHE_BASEDIR=${CMAKE_SOURCE_DIR}
        CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
        CCACHE_NOHASHDIR=1
        ${CCHC_CCACHE_PROGRAM})
    set(CCHC_COMPILER_CACHE ON)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      add_compile_options(-fpch-preprocess)
    endif()
  endif()
endif()
