# Warnings live on an INTERFACE target that each of our targets links PRIVATE,
# so they never leak into CMAKE_CXX_FLAGS or into code we do not own.
add_library(news_warnings INTERFACE)
target_compile_options(news_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(NEWS_WERROR)
  target_compile_options(news_warnings INTERFACE -Werror)
endif()
