# LAPACK in libsafeblas.so / libsafeblas64.so (included by the top-level CMakeLists.txt; used by
# safeblas_add_library in cmake/library.cmake as safeblas_link_lapack(<target> <archive> <dir>)).
#
# Every routine of reference LAPACK 3.11 is exported: Debian's liblapack_pic.a (package
# liblapack-dev, built with -fPIC for exactly this; liblapack64_pic.a from liblapack64-dev for the
# ILP64 library) is linked into the library whole, minus
#   - the members defining a symbol SafeBLAS defines itself (our routines in src/lapack, and
#     anything else we define, take precedence). The list is computed at link time from our
#     object files with nm, so it follows as routines are added;
#   - its xerbla, xerbla_array and lsame: ours stay in charge (a program's own xerbla_ still
#     replaces ours, because every call reaches xerbla_ through the exported symbol);
#   - members that need a BLAS routine SafeBLAS does not define yet (with a build warning; the
#     export test in tests/lapack fails while any are left out).
# The reference routines call the BLAS through the dynamic symbol table, so they run on our BLAS
# (a program's own dgemm_ would replace it, as with any shared BLAS). See cmake/lapack_archive.sh.

set(SAFEBLAS_LAPACK_ARCHIVE /usr/lib/x86_64-linux-gnu/liblapack_pic.a
    CACHE FILEPATH "Reference LAPACK archive (PIC) linked into libsafeblas.so")
set(SAFEBLAS_LAPACK64_ARCHIVE /usr/lib/x86_64-linux-gnu/liblapack64_pic.a
    CACHE FILEPATH "Reference LAPACK archive with 64-bit integers (PIC) linked into libsafeblas64.so")

# gfortran's runtime (the archive's Fortran I/O and intrinsics); gcc finds it in its own library
# directory (libgfortran-12-dev, a dependency of gfortran).
execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=libgfortran.so
                OUTPUT_VARIABLE SB_LIBGFORTRAN OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT SB_LIBGFORTRAN OR NOT IS_ABSOLUTE "${SB_LIBGFORTRAN}" OR NOT EXISTS "${SB_LIBGFORTRAN}")
  find_library(SB_LIBGFORTRAN NAMES gfortran libgfortran.so.5
               PATHS /usr/lib/x86_64-linux-gnu /usr/lib/gcc/x86_64-linux-gnu/12)
endif()
if(NOT SB_LIBGFORTRAN)
  message(FATAL_ERROR "SafeBLAS needs libgfortran (Debian package gfortran / libgfortran5)")
endif()

set(SB_CMAKE_DIR ${CMAKE_CURRENT_LIST_DIR})

# safeblas_link_lapack(<target> <archive> <dir>): links the reference members of <archive> that
# <target> does not replace into <target>; <dir> holds the extracted members and the reports
# (kept.txt, dropped_*.txt, missing_symbols.txt). <target>'s object libraries are
# <target>_{s,d,c,z} and <target>_avx2_{s,d,c,z} (cmake/library.cmake).
function(safeblas_link_lapack target archive dir)
  if(NOT EXISTS ${archive})
    message(FATAL_ERROR "SafeBLAS needs the reference LAPACK archive ${archive} for ${target} "
                        "(Debian package liblapack-dev, or liblapack64-dev for the ILP64 library; "
                        "scripts/install-deps installs them; -DSAFEBLAS_ILP64=OFF builds without the ILP64 library)")
  endif()

  # Our own object files: the plain sources of the library and every templated object library.
  set(ours "$<TARGET_OBJECTS:${target}>")
  foreach(p s d c z)
    foreach(t ${target}_${p} ${target}_avx2_${p})
      if(TARGET ${t})
        list(APPEND ours "$<TARGET_OBJECTS:${t}>")
      endif()
    endforeach()
  endforeach()
  file(GENERATE OUTPUT ${dir}/objects-$<CONFIG>.txt CONTENT "$<JOIN:${ours},\n>\n")

  # After our objects are compiled, before the library is linked: build the kept archive.
  add_custom_command(TARGET ${target} PRE_LINK
    COMMAND bash ${SB_CMAKE_DIR}/lapack_archive.sh ${CMAKE_NM} ${CMAKE_AR}
            ${archive} ${dir}/objects-$<CONFIG>.txt ${dir}
    COMMENT "Selecting the reference LAPACK members ${target} does not replace"
    VERBATIM)

  target_link_options(${target} PRIVATE
    "SHELL:-Wl,--whole-archive ${dir}/liblapack_kept.a -Wl,--no-whole-archive")
  target_link_libraries(${target} PRIVATE ${SB_LIBGFORTRAN} m)
  # Relink when the system archive changes.
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${archive})
endfunction()
