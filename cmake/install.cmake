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

# The wrappers hold no code. The alternatives system reaches them through a symlink in
# <libdir>, where $ORIGIN is <libdir> itself, and a direct -L<libdir>/safeblas link sees
# $ORIGIN/.. — the RUNPATH lists both.
foreach(wrapper blas lapack)
  add_library(safeblas_${wrapper}_wrapper SHARED cmake/install/wrapper.c)
  set_target_properties(safeblas_${wrapper}_wrapper PROPERTIES
    OUTPUT_NAME ${wrapper} LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/debian-folder
    VERSION 3 SOVERSION 3
    INSTALL_RPATH "\$ORIGIN/..;\$ORIGIN")
  target_link_libraries(safeblas_${wrapper}_wrapper PRIVATE safeblas)
  target_link_options(safeblas_${wrapper}_wrapper PRIVATE -Wl,--no-as-needed)
  # libblas.so.3 plus the development name libblas.so for `-lblas` against the folder
  install(TARGETS safeblas_${wrapper}_wrapper LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/safeblas)
endforeach()
