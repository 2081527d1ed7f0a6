// libFuzzer target for ParseEvent: the input is split into header lines and a body
// ("name: value" lines, a blank line, then the body), so the fuzzer explores binary
// mode headers, structured mode and push envelopes alike. Any crash, hang or sanitizer
// report is a bug; every input must give a Status or an Event.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "events/event.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  jae::events::EventHeaders headers;
  std::size_t pos = 0;
  while (pos < input.size()) {
    const std::size_t eol = input.find('\n', pos);
    const std::string_view line =
        input.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
    pos = eol == std::string_view::npos ? input.size() : eol + 1;
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  auto event = jae::events::ParseEvent(headers, input.substr(pos));
  if (event.ok()) {
    // Touch every field so that bad strings are caught by the sanitizers.
    volatile std::size_t sink = event->reason.size() + event->object.name.size() +
                                event->object.bucket.size() + event->object.generation.size();
    (void)sink;
  }
  return 0;
}
