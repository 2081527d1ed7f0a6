// The MRZ layouts jae-ocr reads, as data: per position, what the position may hold, and
// which ranges each check digit covers. Positions are 0-based here; the reference
// (shared/reference/identity-documents.md) gives them 1-based.
#pragma once

#include <string_view>
#include <vector>

#include "result/result.h"

namespace jae::mrz {

// What a position may hold. The letters are the ones used in the class strings below.
enum class PosClass : char {
  kAlpha = 'A',  // A-Z or '<' (names, codes, states)
  kDigit = '9',  // 0-9 or '<' (dates may be partly unknown, check digits may be '<')
  kAlnum = 'X',  // anything (document numbers, optional data)
  kSex = 'S',    // F, M, X or '<'
};

struct Span {
  int line = 0;
  int start = 0;
  int length = 0;
};

struct CheckSpec {
  std::string_view name;      // "document_number", "birth_date", ..., "composite"
  std::vector<Span> covered;  // concatenated, in order
  int check_line = 0;
  int check_pos = 0;
  // TD3 personal number: when the field is all fillers its check may be '<'.
  bool filler_ok_when_empty = false;
};

struct Layout {
  MrzFormat format;
  int line_count;
  int line_length;
  std::vector<std::string_view> classes;  // one class string per line
  std::vector<CheckSpec> checks;          // composite, if any, last
  bool has_composite;
};

const Layout& LayoutFor(MrzFormat format);

inline PosClass ClassAt(const Layout& layout, int line, int pos) {
  return static_cast<PosClass>(layout.classes[line][pos]);
}

}  // namespace jae::mrz
