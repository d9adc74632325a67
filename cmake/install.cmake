# `make install` (PREFIX, DESTDIR, LIBDIR honoured by the Makefile): the library, headers,
# pkg-config file, CMake package, and a Debian-style folder <libdir>/safeblas with libblas.so.3
# and liblapack.so.3 as thin wrappers (their own SONAME, NEEDED libsafeblas.so.0), as Debian's
# OpenBLAS ships them, so the code itself stays in a file named libsafeblas (threadpoolctl and
# similar tools recognise a BLAS by that name). With the ILP64 library also libsafeblas64.so.0,
# safeblas64.pc, SafeBLAS::safeblas64 and <libdir>/safeblas64/{libblas64,liblapack64}.so.3.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS safeblas EXPORT SafeBLASTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/safeblas)
# The ILP64 library, libsafeblas64.so.0 (SafeBLAS::safeblas64 for find_package: it brings
# -DSAFEBLAS_ILP64, so safeblas_int and CBLAS_INT are 64-bit in the consumer too).
if(TARGET safeblas64)
  install(TARGETS safeblas64 EXPORT SafeBLASTargets
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
          INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/safeblas)
endif()
file(GLOB SB_PUBLIC_HEADERS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/include/*.h)
install(FILES ${SB_PUBLIC_HEADERS} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/safeblas)

configure_file(cmake/install/safeblas.pc.in ${CMAKE_BINARY_DIR}/safeblas.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/safeblas.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(TARGET safeblas64)
  configure_file(cmake/install/safeblas64.pc.in ${CMAKE_BINARY_DIR}/safeblas64.pc @ONLY)
  install(FILES ${CMAKE_BINARY_DIR}/safeblas64.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()

install(EXPORT SafeBLASTargets NAMESPACE SafeBLAS:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/SafeBLAS)
configure_file(cmake/install/SafeBLASConfig.cmake.in ${CMAKE_BINARY_DIR}/SafeBLASConfig.cmake COPYONLY)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/SafeBLASConfigVersion.cmake
                                 COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/SafeBLASConfig.cmake ${CMAKE_BINARY_DIR}/SafeBLASConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/SafeBLAS)

# The wrappers hold no code: they are ELF filters on libsafeblas.so.0 whose symbols are stubs
# (see cmake/install/wrapper_stubs.sh). The alternatives system reaches them through a symlink in
# <libdir>, where $ORIGIN is <libdir> itself, and a direct -L<libdir>/safeblas link sees
# $ORIGIN/.. — the RUNPATH lists both.
# The ILP64 library gets the same in <libdir>/safeblas64: libblas64.so.3 and liblapack64.so.3,
# filters on libsafeblas64.so.0 (scripts/alternatives registers them as libblas64.so.3-<triplet>
# and liblapack64.so.3-<triplet> when that folder exists).
foreach(lib safeblas safeblas64)
  if(NOT TARGET ${lib})
    continue()
  endif()
  if(lib STREQUAL "safeblas")
    set(folder debian-folder)
    set(suffix "")
  else()
    set(folder debian-folder64)
    set(suffix 64)
  endif()
  set(stubs ${CMAKE_BINARY_DIR}/${folder}/wrapper_stubs.c)
  add_custom_command(OUTPUT ${stubs}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/${folder}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/install/wrapper_stubs.sh ${CMAKE_NM} $<TARGET_FILE:${lib}>
            ${stubs}
    DEPENDS ${lib} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/install/wrapper_stubs.sh VERBATIM)
  # one target owns the generated file, so the two wrappers never generate it at the same time
  add_custom_target(${lib}_wrapper_stubs DEPENDS ${stubs})
  foreach(wrapper blas lapack)
    set(t ${lib}_${wrapper}_wrapper)
    add_library(${t} SHARED ${stubs})
    set_target_properties(${t} PROPERTIES
      OUTPUT_NAME ${wrapper}${suffix} LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/${folder}
      VERSION 3 SOVERSION 3
      INSTALL_RPATH "\$ORIGIN/..;\$ORIGIN")
    target_link_libraries(${t} PRIVATE ${lib})
    add_dependencies(${t} ${lib}_wrapper_stubs)
    target_link_options(${t} PRIVATE -Wl,--no-as-needed -Wl,--filter=lib${lib}.so.0)
    # lib<wrapper>.so.3 plus the development name lib<wrapper>.so for `-l<wrapper>` against the folder
    install(TARGETS ${t} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/${lib})
  endforeach()
endforeach()
