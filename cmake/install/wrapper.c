/* A Debian-style libblas.so.3 / liblapack.so.3: no code of its own; its NEEDED entry pulls in
 * libsafeblas.so.0, which defines every symbol. */
