#include "mrz/forms.h"

#include <algorithm>
#include <iterator>

namespace jae::mrz {
namespace {

// Sorted; generated from the ISO 3166-1 / ICAO 9303-3 list (npm mrz's states table, MIT)
// plus UTO.
constexpr std::string_view kCountryCodes[] = {
    "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ANT", "ARE", "ARG", "ARM", "ASM", "ATA",
    "ATF", "ATG", "AUS", "AUT", "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR",
    "BHS", "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BVT", "BWA",
    "CAF", "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM",
    "CPV", "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "D",   "DEU", "DJI", "DMA", "DNK",
    "DOM", "DZA", "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "EUE", "FIN", "FJI", "FLK",
    "FRA", "FRO", "FSM", "GAB", "GBD", "GBN", "GBO", "GBP", "GBR", "GBS", "GEO", "GGY", "GHA",
    "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY",
    "HKG", "HMD", "HND", "HRV", "HTI", "HUN", "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ",
    "ISL", "ISR", "ITA", "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA",
    "KOR", "KWT", "LAO", "LBN", "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA",
    "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX", "MHL", "MKD", "MLI", "MLT", "MMR",
    "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM", "NCL",
    "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NTZ", "NZL", "OMN", "PAK",
    "PAN", "PCN", "PER", "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "PYF",
    "QAT", "REU", "RKS", "ROU", "RUS", "RWA", "SAU", "SDN", "SEN", "SGP", "SGS", "SHN", "SJM",
    "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR", "SVK", "SVN", "SWE",
    "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL", "TKM", "TLS", "TON",
    "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "UNA", "UNK", "UNO", "URY",
    "USA", "UTO", "UZB", "VAT", "VCT", "VEN", "VGB", "VIR", "VNM", "VUT", "WLF", "WSM", "XBA",
    "XCC", "XCE", "XCO", "XDC", "XEC", "XES", "XIM", "XOM", "XPO", "XXA", "XXB", "XXC", "XXK",
    "XXX", "YEM", "ZAF", "ZMB", "ZWE",
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return c >= 'A' && c <= 'Z'; }

int TwoDigits(std::string_view s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

std::string_view StripFillers(std::string_view s) {
  while (!s.empty() && s.back() == '<') s.remove_suffix(1);
  while (!s.empty() && s.front() == '<') s.remove_prefix(1);
  return s;
}

// A code field: known, or all fillers (not given).
bool CodeFieldOk(std::string_view field) {
  const std::string_view code = StripFillers(field);
  if (code.empty()) return true;
  if (field.substr(0, code.size()) != code) return false;  // "<FR": fillers only trail
  return IsKnownCountryCode(code);
}

bool SexOk(char c) { return c == 'F' || c == 'M' || c == 'X' || c == '<'; }

}  // namespace

bool IsKnownCountryCode(std::string_view code) {
  return std::binary_search(std::begin(kCountryCodes), std::end(kCountryCodes), code);
}

bool IsDateForm(std::string_view d) {
  if (d.size() != 6) return false;
  if (d == "<<<<<<") return true;
  if (!IsDigit(d[0]) || !IsDigit(d[1])) return false;
  const bool month_unknown = d[2] == '<' && d[3] == '<';
  const bool day_unknown = d[4] == '<' && d[5] == '<';
  if (!month_unknown && (!IsDigit(d[2]) || !IsDigit(d[3]))) return false;
  if (!day_unknown && (!IsDigit(d[4]) || !IsDigit(d[5]))) return false;
  const int month = month_unknown ? 0 : TwoDigits(d.substr(2));
  const int day = day_unknown ? 0 : TwoDigits(d.substr(4));
  if (!month_unknown && (month < 1 || month > 12)) return false;
  if (day_unknown) return true;
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day >= 1 && day <= (month_unknown ? 31 : kDays[month - 1]);
}

bool IsFrId1988NumberForm(std::string_view n) {
  if (n.size() != 12) return false;
  for (int i : {0, 1, 2, 3}) {
    if (!IsDigit(n[i])) return false;
  }
  const int month = TwoDigits(n.substr(2));
  if (month < 1 || month > 12) return false;
  const std::string_view office = n.substr(4, 3);
  const bool department = (IsDigit(office[0]) && IsDigit(office[1])) ||
                          office.substr(0, 2) == "2A" || office.substr(0, 2) == "2B";
  const bool office_ok = (department && (IsDigit(office[2]) || IsLetter(office[2]))) ||
                         std::all_of(office.begin(), office.end(), IsLetter);
  if (!office_ok) return false;
  return std::all_of(n.begin() + 7, n.end(), IsDigit);
}

std::vector<std::string> FormProblems(MrzFormat format, const std::vector<std::string>& lines) {
  std::vector<std::string> problems;
  const auto field = [&](int line, int start, int length) {
    return std::string_view(lines[line]).substr(start, length);
  };
  const auto date = [&](std::string_view name, int line, int start) {
    if (!IsDateForm(field(line, start, 6))) problems.emplace_back(name);
  };
  const auto code = [&](std::string_view name, int line, int start) {
    if (!CodeFieldOk(field(line, start, 3))) problems.emplace_back(name);
  };
  const auto sex = [&](int line, int pos) {
    if (!SexOk(lines[line][pos])) problems.emplace_back("sex");
  };
  // ICAO 9303-4/-5/-6/-7: P for passports, A, C or I for cards (not "IV": that would be
  // a visa), V for visas. French driving licence: A, B or D and a digit (cheminfo/mrz).
  const char c0 = lines[0][0];
  const char c1 = lines[0][1];
  bool code_ok = true;
  switch (format) {
    case MrzFormat::kTD3:
      code_ok = c0 == 'P';
      break;
    case MrzFormat::kMRVA:
    case MrzFormat::kMRVB:
      code_ok = c0 == 'V';
      break;
    case MrzFormat::kTD1:
    case MrzFormat::kTD2:
      // 9303-5 asks for A, C or I, but issuers print others on cards of this size (Macau's
      // resident card: "T<"); any letter but V (a visa) and P (a passport, TD3).
      code_ok = IsLetter(c0) && c0 != 'V' && c0 != 'P' && c1 != 'V';
      break;
    case MrzFormat::kFrId1988:
      break;  // recognised by its "IDFRA" prefix
    case MrzFormat::kFrDl:
      code_ok = (c0 == 'A' || c0 == 'B' || c0 == 'D') && IsDigit(c1);
      break;
  }
  if (!code_ok) problems.emplace_back("document_code");
  switch (format) {
    case MrzFormat::kTD3:
    case MrzFormat::kMRVA:
    case MrzFormat::kTD2:
    case MrzFormat::kMRVB:
      code("issuing_state", 0, 2);
      code("nationality", 1, 10);
      date("birth_date", 1, 13);
      sex(1, 20);
      date("expiry_date", 1, 21);
      break;
    case MrzFormat::kTD1:
      code("issuing_state", 0, 2);
      date("birth_date", 1, 0);
      sex(1, 7);
      date("expiry_date", 1, 8);
      code("nationality", 1, 15);
      break;
    case MrzFormat::kFrId1988:
      if (!IsFrId1988NumberForm(field(1, 0, 12))) problems.emplace_back("document_number");
      date("birth_date", 1, 27);
      sex(1, 34);
      break;
    case MrzFormat::kFrDl:
      code("issuing_state", 0, 2);
      date("expiry_date", 0, 15);
      break;
  }
  return problems;
}

}  // namespace jae::mrz
