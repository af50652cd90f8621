# Instrumentation on an INTERFACE target that the library links PUBLIC, so the
# programs and tests built on it get it too, and nothing else does.
#   NEWS_SANITIZERS=ON   AddressSanitizer + UndefinedBehaviorSanitizer (scripts/sanitize)
#   NEWS_BUILD_FUZZERS=ON  the same plus libFuzzer's coverage, for the targets in
#                          fuzz/ (needs clang: scripts/fuzz)
add_library(news_sanitizers INTERFACE)
if(NEWS_SANITIZERS OR NEWS_BUILD_FUZZERS)
  set(news_sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_compile_options(news_sanitizers INTERFACE ${news_sanitize_flags})
  target_link_options(news_sanitizers INTERFACE ${news_sanitize_flags})
endif()
if(NEWS_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "NEWS_BUILD_FUZZERS needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  target_compile_options(news_sanitizers INTERFACE -fsanitize=fuzzer-no-link)
endif()
