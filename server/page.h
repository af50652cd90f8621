// The search page newsserve serves at / (server/assets/index.html: HTML, its
// CSS and script in one file), compiled into the program: no file is read
// from disk to answer a request.
#pragma once

#include <string_view>

namespace gazette {

std::string_view search_page_html();

}  // namespace gazette
