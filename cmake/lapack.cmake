# LAPACK in libsafeblas.so (included by the top-level CMakeLists.txt right after the safeblas
# target is defined).
#
# Every routine of reference LAPACK 3.11 is exported: Debian's liblapack_pic.a (package
# liblapack-dev, built with -fPIC for exactly this) is linked into the library whole, minus
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
if(NOT EXISTS ${SAFEBLAS_LAPACK_ARCHIVE})
  message(FATAL_ERROR "SafeBLAS needs the reference LAPACK archive ${SAFEBLAS_LAPACK_ARCHIVE} "
                      "(Debian package liblapack-dev; scripts/install-deps installs it)")
endif()

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

set(SB_LAPACK_DIR ${CMAKE_BINARY_DIR}/lapack-archive)
set(SB_LAPACK_KEPT ${SB_LAPACK_DIR}/liblapack_kept.a)

# Our own object files: the plain sources of safeblas and every templated object library.
set(SB_OUR_OBJECTS "$<TARGET_OBJECTS:safeblas>")
foreach(p s d c z)
  foreach(t safeblas_${p} safeblas_avx2_${p})
    if(TARGET ${t})
      list(APPEND SB_OUR_OBJECTS "$<TARGET_OBJECTS:${t}>")
    endif()
  endforeach()
endforeach()
file(GENERATE OUTPUT ${SB_LAPACK_DIR}/objects-$<CONFIG>.txt
     CONTENT "$<JOIN:${SB_OUR_OBJECTS},\n>\n")

# After our objects are compiled, before the library is linked: build the kept archive.
add_custom_command(TARGET safeblas PRE_LINK
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/lapack_archive.sh ${CMAKE_NM} ${CMAKE_AR}
          ${SAFEBLAS_LAPACK_ARCHIVE} ${SB_LAPACK_DIR}/objects-$<CONFIG>.txt ${SB_LAPACK_DIR}
  COMMENT "Selecting the reference LAPACK members SafeBLAS does not replace"
  VERBATIM)

target_link_options(safeblas PRIVATE
  "SHELL:-Wl,--whole-archive ${SB_LAPACK_KEPT} -Wl,--no-whole-archive")
target_link_libraries(safeblas PRIVATE ${SB_LIBGFORTRAN} m)
# Relink when the system archive changes.
set_property(TARGET safeblas APPEND PROPERTY LINK_DEPENDS ${SAFEBLAS_LAPACK_ARCHIVE})

# build/compat/liblapack.so.3, next to libblas.so.3 (made in CMakeLists.txt).
add_custom_command(TARGET safeblas POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/compat
  COMMAND ${CMAKE_COMMAND} -E create_symlink ../libsafeblas.so.0 ${CMAKE_BINARY_DIR}/compat/liblapack.so.3
  VERBATIM)
