#include "mrz/layouts.h"

namespace jae::mrz {
namespace {

// Class strings: 'A' letters/filler, '9' digits/filler, 'X' any, 'S' sex.
constexpr std::string_view kName44 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
constexpr std::string_view kName36 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
constexpr std::string_view kName30 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

CheckSpec Field(std::string_view name, int line, int start, int length, int check_pos) {
  return CheckSpec{name, {{line, start, length}}, line, check_pos, false};
}

Layout MakeTd3() {
  CheckSpec personal = Field("personal_number", 1, 28, 14, 42);
  personal.filler_ok_when_empty = true;
  return Layout{MrzFormat::kTD3,
                2,
                44,
                {kName44, "XXXXXXXXX9AAA9999999S9999999XXXXXXXXXXXXXX99"},
                {Field("document_number", 1, 0, 9, 9), Field("birth_date", 1, 13, 6, 19),
                 Field("expiry_date", 1, 21, 6, 27), personal,
                 CheckSpec{"composite", {{1, 0, 10}, {1, 13, 7}, {1, 21, 22}}, 1, 43, false}},
                true};
}

Layout MakeMrvA() {
  return Layout{MrzFormat::kMRVA,
                2,
                44,
                {kName44, "XXXXXXXXX9AAA9999999S9999999XXXXXXXXXXXXXXXX"},
                {Field("document_number", 1, 0, 9, 9), Field("birth_date", 1, 13, 6, 19),
                 Field("expiry_date", 1, 21, 6, 27)},
                false};
}

Layout MakeTd2() {
  return Layout{MrzFormat::kTD2,
                2,
                36,
                {kName36, "XXXXXXXXX9AAA9999999S9999999XXXXXXX9"},
                {Field("document_number", 1, 0, 9, 9), Field("birth_date", 1, 13, 6, 19),
                 Field("expiry_date", 1, 21, 6, 27),
                 CheckSpec{"composite", {{1, 0, 10}, {1, 13, 7}, {1, 21, 14}}, 1, 35, false}},
                true};
}

Layout MakeMrvB() {
  return Layout{MrzFormat::kMRVB,
                2,
                36,
                {kName36, "XXXXXXXXX9AAA9999999S9999999XXXXXXXX"},
                {Field("document_number", 1, 0, 9, 9), Field("birth_date", 1, 13, 6, 19),
                 Field("expiry_date", 1, 21, 6, 27)},
                false};
}

Layout MakeTd1() {
  // The document number check (line 1 pos 15) moves for long numbers; mrz.cc adjusts it.
  return Layout{
      MrzFormat::kTD1,
      3,
      30,
      {"AAAAAXXXXXXXXX9XXXXXXXXXXXXXXX", "9999999S9999999AAAXXXXXXXXXXX9", kName30},
      {Field("document_number", 0, 5, 9, 14), Field("birth_date", 1, 0, 6, 6),
       Field("expiry_date", 1, 8, 6, 14),
       CheckSpec{"composite", {{0, 5, 25}, {1, 0, 7}, {1, 8, 7}, {1, 18, 11}}, 1, 29, false}},
      true};
}

Layout MakeFrId1988() {
  return Layout{MrzFormat::kFrId1988,
                2,
                36,
                {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAXXXXXX",
                 "9999XXX99999"
                 "9"
                 "AAAAAAAAAAAAAA"
                 "9999999S9"},
                {Field("document_number", 1, 0, 12, 12), Field("birth_date", 1, 27, 6, 33),
                 CheckSpec{"composite", {{0, 0, 36}, {1, 0, 35}}, 1, 35, false}},
                true};
}

Layout MakeFrDl() {
  return Layout{
      MrzFormat::kFrDl,
      1,
      30,
      {"A9AAAXXXXXXXXX9999999AAAAAAAA9"},
      {Field("document_number", 0, 0, 14, 14), CheckSpec{"composite", {{0, 0, 29}}, 0, 29, false}},
      true};
}

}  // namespace

const Layout& LayoutFor(MrzFormat format) {
  static const Layout kTd3 = MakeTd3();
  static const Layout kMrvA = MakeMrvA();
  static const Layout kTd2 = MakeTd2();
  static const Layout kMrvB = MakeMrvB();
  static const Layout kTd1 = MakeTd1();
  static const Layout kFr1988 = MakeFrId1988();
  static const Layout kFrDl = MakeFrDl();
  switch (format) {
    case MrzFormat::kTD3:
      return kTd3;
    case MrzFormat::kMRVA:
      return kMrvA;
    case MrzFormat::kTD2:
      return kTd2;
    case MrzFormat::kMRVB:
      return kMrvB;
    case MrzFormat::kTD1:
      return kTd1;
    case MrzFormat::kFrId1988:
      return kFr1988;
    case MrzFormat::kFrDl:
      return kFrDl;
  }
  return kTd3;
}

}  // namespace jae::mrz
