// Result JSON parsing on arbitrary bytes. Whatever parses must serialise and parse back
// to the same Result (the parser accepts nothing the writer cannot reproduce).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "result/result_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = jae::ParseResult(text);
  if (!parsed.ok()) return 0;
  auto again = jae::ParseResult(jae::SerializeResult(*parsed));
  if (!again.ok()) std::abort();
  return 0;
}
