// What kind of document this is, from its MRZ (strongest evidence) and the words printed
// on it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mrz/mrz.h"
#include "result/result.h"

namespace jae::local {

struct Classification {
  DocumentType type = DocumentType::kOther;
  std::optional<DocumentSide> side;
  std::optional<std::string> issuing_country;
  double confidence = 0;  // 0..1
};

// `mrz`: the parsed MRZ if one was read (valid or not); `normalized_text`: all printed
// text, normalised with NormalizeLabelText.
Classification Classify(const mrz::ParsedMrz* mrz, const std::string& normalized_text);

}  // namespace jae::local
