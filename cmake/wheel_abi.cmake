# The wheel rescue libraries (scripts/wheel-rescue; included by the top-level CMakeLists.txt):
# SafeBLAS under the ABI of the OpenBLAS that numpy's and scipy's PyPI wheels bundle.
#
#   wheel-rescue/libsafeblas-scipy_openblas64_.so  for numpy.libs/libscipy_openblas64_-*.so (ILP64:
#       scipy_dgemm_64_, scipy_cblas_dgemm64_, scipy_openblas_get_config64_), from libsafeblas64's
#   wheel-rescue/libsafeblas-scipy_openblas.so     for scipy.libs/libscipy_openblas-*.so (LP64:
#       scipy_dgemm_, scipy_cblas_dgemm, scipy_openblas_get_config), from libsafeblas's
#
# How: the very object files of libsafeblas(64) and its kept reference-LAPACK members are linked
# once more, with a linker script of aliases "scipy_<name><suffix> = <name>;" (the list
# cmake/symbol_aliases.sh writes for libsafeblas64's 64_ names, prefixed) and a version script that
# exports the scipy_ names only. Why this way: relinking costs one link and no compile; the names
# come from what the library really exports, so a routine added later is covered by itself; the
# result is one self-contained file (no wrapper calling into a libsafeblas found elsewhere); and
# keeping the plain names (dgemm_) local means the ILP64 and the LP64 copy, which numpy and scipy
# load side by side in one process, can never bind each other's routines. Names the wheel exports
# and this library lacks (LAPACKE, a few Fortran-style OpenBLAS calls) are listed by
# `scripts/wheel-rescue check`, which refuses to apply where a module in the venv imports one.
if(NOT COMMAND safeblas_add_library)
  return()
endif()

set(SB_WHEEL_DIR ${CMAKE_BINARY_DIR}/wheel-rescue)

# safeblas_wheel_abi(<target> <from> <lapack dir> <suffix> <output name>)
function(safeblas_wheel_abi target from lapack_dir suffix output)
  set(objects $<TARGET_OBJECTS:${from}>)
  foreach(set "" _avx2 _avx512)
    foreach(p s d c z)
      list(APPEND objects $<TARGET_OBJECTS:${from}${set}_${p}>)
    endforeach()
  endforeach()
  add_library(${target} SHARED ${objects})
  add_dependencies(${target} ${from}) # its PRE_LINK steps make liblapack_kept.a
  set_target_properties(${target} PROPERTIES LINKER_LANGUAGE C PREFIX "" OUTPUT_NAME ${output}
                        LIBRARY_OUTPUT_DIRECTORY ${SB_WHEEL_DIR})

  set(aliases ${SB_WHEEL_DIR}/${output}.aliases.ld)
  set(exports ${SB_WHEEL_DIR}/${output}.exports.map)
  file(WRITE ${exports} "/* cmake/wheel_abi.cmake: only the wheel's names leave the library */\n"
                        "{ global: scipy_*; local: *; };\n")
  add_custom_command(TARGET ${target} PRE_LINK
    COMMAND bash ${SB_CMAKE_DIR}/symbol_aliases.sh ${CMAKE_READELF} "~"
            ${lapack_dir}/objects-$<CONFIG>.txt ${lapack_dir} ${aliases}
    COMMAND sed -E -i "s/^([A-Za-z0-9_]+)~ = /scipy_\\1${suffix} = /" ${aliases}
    COMMENT "Naming ${output} as the wheel's scipy_*${suffix} library"
    VERBATIM)
  target_link_options(${target} PRIVATE -Wl,--no-undefined ${aliases} -Wl,--version-script=${exports}
    "SHELL:-Wl,--whole-archive ${lapack_dir}/liblapack_kept.a -Wl,--no-whole-archive")
  target_link_libraries(${target} PRIVATE Threads::Threads m ${CMAKE_DL_LIBS} ${SB_LIBGFORTRAN})
endfunction()

# "~" marks the place of the suffix in symbol_aliases.sh's output (the LP64 one is empty)
safeblas_wheel_abi(safeblas_wheel safeblas ${CMAKE_BINARY_DIR}/lapack-archive "" libsafeblas-scipy_openblas)
if(SAFEBLAS_ILP64)
  safeblas_wheel_abi(safeblas_wheel64 safeblas64 ${CMAKE_BINARY_DIR}/lapack-archive64 64_
                     libsafeblas-scipy_openblas64_)
endif()
