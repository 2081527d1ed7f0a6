// POST /v1/check: one player's documents (multipart/form-data, several `file` parts —
// images, PDFs or result JSONs) and optional `date`, `min_age`, `max_age` fields; answers
// the player check (schema/check.schema.json). Stores nothing.
//
// Answers: 200 with the check whatever the verdict (a dossier with no file is a check
// whose verdict is `review`); 400 when the body is not multipart/form-data or a field is
// malformed (the message names the field); 429/503 when a document meets a transient
// failure (nothing is kept; the client sends the dossier again).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/log.h"

namespace httplib {
struct Request;
}

namespace jae {

class Service;
struct Answer;

struct CheckUpload {
  std::string name;  // the client's file name, untrusted
  std::string content_type;
  std::string bytes;
};

struct CheckRequest {
  std::vector<CheckUpload> files;
  std::optional<std::string> date;  // raw form fields, validated by Service::HandleCheck
  std::optional<std::string> min_age;
  std::optional<std::string> max_age;
};

// The route's transport half: the multipart body as a CheckRequest, then
// Service::HandleCheck.
Answer HandleCheckHttp(Service& service, const httplib::Request& request,
                       const TraceContext* trace);

}  // namespace jae
