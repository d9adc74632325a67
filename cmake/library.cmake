# The library, defined once and built twice by the top-level CMakeLists.txt:
#   safeblas    LP64: 32-bit integers, libsafeblas.so.0, build/compat/{libblas,liblapack}.so.3
#   safeblas64  ILP64: the same sources with SAFEBLAS_ILP64 (64-bit integers, include/safeblas_int.h),
#               libsafeblas64.so.0, LAPACK from liblapack64_pic.a, build/compat64/{libblas64,
#               liblapack64}.so.3 (the names Debian's 64-bit-index programs NEED), plain names as
#               Debian's libblas64/liblapack64 plus every exported function again with a 64_ suffix
#               (dgemm_64_, cblas_dgemm64_: the numpy/scipy ILP64 convention)
#
# safeblas_add_library(<target> ILP64 <ON|OFF> LAPACK_ARCHIVE <archive> LAPACK_DIR <dir>
#                      COMPAT_DIR <dir> COMPAT_NAMES <name>... [ALIAS_SUFFIX <suffix>])
#
# Sources. Two kinds (see src/common/precision.h):
#  - templated: every .c under src/interface, src/drivers, src/lapack and src/kernels/<isa>/ is compiled four
#    times, once per precision (SB_PREC_S, SB_PREC_D, SB_PREC_C, SB_PREC_Z), into the object
#    libraries <target>_{s,d,c,z} (and <target>_<set>_{s,d,c,z} for src/kernels/<set> with that set's
#    flags, e.g. avx2: -mavx2 -mfma; the kernel table in src/kernels/*.c uses a set only when
#    cpuid says the CPU runs it);
#  - plain: every .c directly in src/kernels and under src/runtime is compiled once, in <target>.
file(GLOB_RECURSE SB_TEMPLATED_SOURCES CONFIGURE_DEPENDS
     ${CMAKE_SOURCE_DIR}/src/interface/*.c ${CMAKE_SOURCE_DIR}/src/drivers/*.c
     ${CMAKE_SOURCE_DIR}/src/lapack/*.c ${CMAKE_SOURCE_DIR}/src/kernels/generic/*.c)
file(GLOB SB_PLAIN_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/kernels/*.c ${CMAKE_SOURCE_DIR}/src/runtime/*.c)
# The kernel sets compiled with their own instruction-set flags (src/kernels/<set>/, templated; the
# kernel table uses a set only when cpuid and XCR0 say the CPU and OS run it). generic/ is
# compiled with the templated sources above, with no extra flags.
set(SB_KERNEL_SETS avx2 avx512)
set(SB_ALL_KERNEL_SETS generic ${SB_KERNEL_SETS}) # every set, for the tests
set(SB_KERNEL_FLAGS_avx2 -mavx2 -mfma)
set(SB_KERNEL_FLAGS_avx512 -mavx2 -mfma -mavx512f -mavx512dq -mavx512bw -mavx512vl)
foreach(set ${SB_KERNEL_SETS})
  file(GLOB SB_KERNEL_SOURCES_${set} CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/kernels/${set}/*.c)
endforeach()

set(SB_INCLUDE_DIRS ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/src)

function(safeblas_add_library target)
  cmake_parse_arguments(PARSE_ARGV 1 A "" "ILP64;LAPACK_ARCHIVE;LAPACK_DIR;COMPAT_DIR;ALIAS_SUFFIX"
                        "COMPAT_NAMES")
  set(defs)
  if(A_ILP64)
    set(defs SAFEBLAS_ILP64)
  endif()

  set(objects)
  foreach(prec S D C Z)
    string(TOLOWER ${prec} p)
    add_library(${target}_${p} OBJECT ${SB_TEMPLATED_SOURCES})
    target_compile_definitions(${target}_${p} PRIVATE SB_PREC_${prec} ${defs})
    target_include_directories(${target}_${p} PRIVATE ${SB_INCLUDE_DIRS})
    list(APPEND objects $<TARGET_OBJECTS:${target}_${p}>)
  endforeach()
  foreach(set ${SB_KERNEL_SETS})
    foreach(prec S D C Z)
      string(TOLOWER ${prec} p)
      add_library(${target}_${set}_${p} OBJECT ${SB_KERNEL_SOURCES_${set}})
      target_compile_definitions(${target}_${set}_${p} PRIVATE SB_PREC_${prec} ${defs})
      target_compile_options(${target}_${set}_${p} PRIVATE ${SB_KERNEL_FLAGS_${set}})
      target_include_directories(${target}_${set}_${p} PRIVATE ${SB_INCLUDE_DIRS})
      list(APPEND objects $<TARGET_OBJECTS:${target}_${set}_${p}>)
    endforeach()
  endforeach()

  add_library(${target} SHARED ${SB_PLAIN_SOURCES} ${objects})
  target_include_directories(${target} PUBLIC $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include>
                                       PRIVATE ${SB_INCLUDE_DIRS})
  target_compile_definitions(${target} PRIVATE SAFEBLAS_VERSION="${PROJECT_VERSION}" ${defs})
  if(A_ILP64)
    # programs built against it (tests/ilp64, an installed consumer) see 64-bit safeblas_int
    target_compile_definitions(${target} INTERFACE SAFEBLAS_ILP64)
  endif()
  target_link_libraries(${target} PRIVATE Threads::Threads m ${CMAKE_DL_LIBS})
  set_target_properties(${target} PROPERTIES VERSION ${PROJECT_VERSION} SOVERSION 0)
  target_link_options(${target} PRIVATE -Wl,--no-undefined)

  # LAPACK: the reference archive linked in under our own routines (cmake/lapack.cmake).
  safeblas_link_lapack(${target} ${A_LAPACK_ARCHIVE} ${A_LAPACK_DIR})

  if(A_ALIAS_SUFFIX)
    # Every exported function also as NAME<suffix>, from a linker script of aliases written once
    # the kept LAPACK members are known (cmake/symbol_aliases.sh; the PRE_LINK steps run in order).
    set(script ${A_LAPACK_DIR}/aliases${A_ALIAS_SUFFIX}.ld)
    add_custom_command(TARGET ${target} PRE_LINK
      COMMAND bash ${SB_CMAKE_DIR}/symbol_aliases.sh ${CMAKE_READELF} ${A_ALIAS_SUFFIX}
              ${A_LAPACK_DIR}/objects-$<CONFIG>.txt ${A_LAPACK_DIR} ${script}
      COMMENT "Naming the exported functions of ${target} also *${A_ALIAS_SUFFIX}"
      VERBATIM)
    # an input file the linker does not recognise as an object is read as a linker script
    target_link_options(${target} PRIVATE ${script})
  endif()

  # The names Debian's BLAS/LAPACK have, so LD_LIBRARY_PATH=<compat dir> puts SafeBLAS under any
  # program linked against them.
  set(cmds COMMAND ${CMAKE_COMMAND} -E make_directory ${A_COMPAT_DIR})
  foreach(name ${A_COMPAT_NAMES})
    list(APPEND cmds COMMAND ${CMAKE_COMMAND} -E create_symlink ../lib${target}.so.0 ${A_COMPAT_DIR}/${name})
  endforeach()
  add_custom_command(TARGET ${target} POST_BUILD ${cmds} VERBATIM)
endfunction()
