# cmake --install: the four programs, a man page each (help2man, from their
# --help and --version), a bash completion of each one's options, all
# generated at build time; cpack -G DEB packs the same, its dependencies the
# runtime libraries the programs link (dpkg-shlibdeps). newsserve's search
# page is compiled into it (server/page.h): it has no files to install.
include(GNUInstallDirs)
set(GAZETTE_PROGRAMS newsindex newssearch newsbench newsserve)
install(TARGETS ${GAZETTE_PROGRAMS} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(newsindex_SUMMARY "index news archives into a Xapian database")
set(newssearch_SUMMARY "search news archives indexed by newsindex")
set(newsbench_SUMMARY "evaluate and benchmark Gazette's ranking, latency and indexing")
set(newsserve_SUMMARY "serve news archives over HTTP: a JSON API and a search page")

find_program(HELP2MAN help2man REQUIRED)
set(generated_docs)
foreach(program IN LISTS GAZETTE_PROGRAMS)
  set(man_page ${PROJECT_BINARY_DIR}/man/${program}.1.gz)
  set(completion ${PROJECT_BINARY_DIR}/bash-completion/${program})
  add_custom_command(OUTPUT ${man_page}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
    COMMAND ${HELP2MAN} --no-info --section=1 --source=Gazette "--name=${${program}_SUMMARY}"
            --output=${PROJECT_BINARY_DIR}/man/${program}.1 $<TARGET_FILE:${program}>
    COMMAND gzip -n -9 -f ${PROJECT_BINARY_DIR}/man/${program}.1
    DEPENDS ${program}
    COMMENT "man page of ${program} (help2man)"
    VERBATIM)
  add_custom_command(OUTPUT ${completion}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/bash-completion
    COMMAND bash ${PROJECT_SOURCE_DIR}/cmake/bash_completion.sh ${program} $<TARGET_FILE:${program}> ${completion}
    DEPENDS ${program} ${PROJECT_SOURCE_DIR}/cmake/bash_completion.sh
    COMMENT "bash completion of ${program}"
    VERBATIM)
  list(APPEND generated_docs ${man_page} ${completion})
  install(FILES ${man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${completion} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
endforeach()
add_custom_target(manuals ALL DEPENDS ${generated_docs})

set(CPACK_PACKAGE_NAME gazette)
set(CPACK_PACKAGE_VENDOR "Gazette")
set(CPACK_PACKAGE_CONTACT "Gazette maintainers <gazette@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "full-text search for news archives (Xapian): newsindex, newssearch, newsserve, newsbench")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
