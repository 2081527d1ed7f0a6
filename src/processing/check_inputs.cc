#include "processing/check_inputs.h"

#include "check/check_json.h"

namespace jae {

StatusOr<check::Input> CheckInputFromFile(std::string name, DocumentInput document,
                                          const ProcessFn& process) {
  if (check::LooksLikeJson(document.bytes)) {
    return check::InputFromResultJson(std::move(name), document.bytes);
  }
  auto result = process(std::move(document));
  if (!result.ok()) {
    if (IsTransient(result.status().code())) return result.status();
    check::Input in;
    in.name = std::move(name);
    in.error = "the document could not be processed (" +
               std::string(StatusCodeName(result.status().code())) + ")";
    return in;
  }
  check::Input in;
  in.name = std::move(name);
  in.result = std::move(*result);
  return in;
}

check::Input NotProcessedInput(std::string name) {
  check::Input in;
  in.name = std::move(name);
  in.error =
      "not processed: a dossier has at most " + std::to_string(check::kMaxDocuments) + " documents";
  return in;
}

}  // namespace jae
