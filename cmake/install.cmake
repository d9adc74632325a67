# `make install` (PREFIX, DESTDIR, LIBDIR honoured by the Makefile): the library, headers,
# pkg-config file, CMake package, and a Debian-style folder <libdir>/safeblas with libblas.so.3
# and liblapack.so.3 as thin wrappers (their own SONAME, NEEDED libsafeblas.so.0), as Debian's
# OpenBLAS ships them, so the code itself stays in a file named libsafeblas (threadpoolctl and
# similar tools recognise a BLAS by that name).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS safeblas EXPORT SafeBLASTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/safeblas)
file(GLOB SB_PUBLIC_HEADERS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/include/*.h)
install(FILES ${SB_PUBLIC_HEADERS} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/safeblas)

configure_file(cmake/install/safeblas.pc.in ${CMAKE_BINARY_DIR}/safeblas.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/safeblas.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

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
set(SB_WRAPPER_STUBS ${CMAKE_BINARY_DIR}/debian-folder/wrapper_stubs.c)
add_custom_command(OUTPUT ${SB_WRAPPER_STUBS}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/debian-folder
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/install/wrapper_stubs.sh ${CMAKE_NM} $<TARGET_FILE:safeblas>
          ${SB_WRAPPER_STUBS}
  DEPENDS safeblas ${CMAKE_CURRENT_SOURCE_DIR}/cmake/install/wrapper_stubs.sh VERBATIM)
# one target owns the generated file, so the two wrappers never generate it at the same time
add_custom_target(safeblas_wrapper_stubs DEPENDS ${SB_WRAPPER_STUBS})
foreach(wrapper blas lapack)
  add_library(safeblas_${wrapper}_wrapper SHARED ${SB_WRAPPER_STUBS})
  set_target_properties(safeblas_${wrapper}_wrapper PROPERTIES
    OUTPUT_NAME ${wrapper} LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/debian-folder
    VERSION 3 SOVERSION 3
    INSTALL_RPATH "\$ORIGIN/..;\$ORIGIN")
  target_link_libraries(safeblas_${wrapper}_wrapper PRIVATE safeblas)
  add_dependencies(safeblas_${wrapper}_wrapper safeblas_wrapper_stubs)
  target_link_options(safeblas_${wrapper}_wrapper PRIVATE -Wl,--no-as-needed -Wl,--filter=libsafeblas.so.0)
  # libblas.so.3 plus the development name libblas.so for `-lblas` against the folder
  install(TARGETS safeblas_${wrapper}_wrapper LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/safeblas)
endforeach()
