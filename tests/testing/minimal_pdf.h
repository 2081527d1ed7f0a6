// AssemblePdf: a PDF file from its numbered objects, with a correct cross-reference table
// and trailer, for tests that write small PDFs by hand (tests/image fixtures, the local
// engine's text-layer tests). Object i of `objects` (0-based) becomes object i + 1; the
// catalog must be the first (the trailer's /Root is 1 0 R).
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

namespace jae::testing {

inline std::string AssemblePdf(const std::vector<std::string>& objects) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace jae::testing
