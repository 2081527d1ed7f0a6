#include "mrz/mrz.h"

namespace jae::mrz {

int CheckDigit(std::string_view text) {
  static constexpr int kWeights[3] = {7, 3, 1};
  int sum = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    int value;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      value = c - 'A' + 10;
    } else if (c == '<') {
      value = 0;
    } else {
      return -1;
    }
    sum += value * kWeights[i % 3];
  }
  return sum % 10;
}

}  // namespace jae::mrz
