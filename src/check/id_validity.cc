#include "check/id_validity.h"

#include <algorithm>
#include <vector>

#include "check/dates.h"

namespace jae::check {
namespace {

constexpr CivilDate kRuleFirst{2004, 1, 2};
constexpr CivilDate kRuleLast{2013, 12, 31};
constexpr CivilDate kFifteenPrinted{2014, 1, 1};

bool Digit(char c) { return c >= '0' && c <= '9'; }
bool Alnum(char c) { return Digit(c) || (c >= 'A' && c <= 'Z'); }

}  // namespace

bool IsFrId1988Number(std::string_view n) {
  if (n.size() != 12) return false;
  for (int i = 0; i < 12; ++i) {
    const bool ok = (i >= 4 && i < 7) ? Alnum(n[i]) : Digit(n[i]);
    if (!ok) return false;
  }
  const int month = (n[2] - '0') * 10 + (n[3] - '0');
  return month >= 1 && month <= 12;
}

std::optional<CivilDate> IssueMonthOf1988Number(std::string_view n) {
  if (!IsFrId1988Number(n)) return std::nullopt;
  const int yy = (n[0] - '0') * 10 + (n[1] - '0');
  const int month = (n[2] - '0') * 10 + (n[3] - '0');
  // The model was issued from 1988 to 2021: 88..99 are 19YY, the rest 20YY.
  return CivilDate{yy >= 88 ? 1900 + yy : 2000 + yy, month, 1};
}

std::optional<ExpiryWindow> Fr1988Expiry(const Fr1988Inputs& in) {
  std::vector<CivilDate> issue_days;
  if (in.issue_date) {
    issue_days = {*in.issue_date};
  } else if (in.issue_month) {
    const CivilDate first{in.issue_month->year, in.issue_month->month, 1};
    issue_days = {first, EndOfMonth(first)};
  }
  if (issue_days.empty()) {
    if (!in.printed_expiry) return std::nullopt;
    // Nothing says when it was issued: the printed date, or five more years.
    ExpiryWindow w{*in.printed_expiry, AddYears(*in.printed_expiry, 5)};
    w.fifteen_years = ExpiryWindow::Rule::kMaybe;
    return w;
  }
  std::vector<CivilDate> expiries;
  bool any15 = false, any10 = false, all_minor = true;
  for (const CivilDate& issue : issue_days) {
    // Adult on the issue day: certain, impossible, or unknown without a birth date.
    std::vector<bool> adult_options;
    if (in.birth_date) {
      adult_options = {AgeOn(*in.birth_date, issue) >= 18};
    } else {
      adult_options = {true, false};
    }
    for (bool adult : adult_options) {
      all_minor = all_minor && !adult;
      const bool extended = adult && issue >= kRuleFirst && issue <= kRuleLast;
      const bool printed15 = adult && issue >= kFifteenPrinted;
      CivilDate expiry;
      if (in.printed_expiry) {
        expiry = extended ? AddYears(*in.printed_expiry, 5) : *in.printed_expiry;
      } else {
        // "Délivrée le 14.05.2012, valable jusqu'au 13.05.2022".
        expiry = AddDays(AddYears(issue, extended || printed15 ? 15 : 10), -1);
      }
      (extended ? any15 : any10) = true;
      expiries.push_back(expiry);
    }
  }
  ExpiryWindow w;
  w.earliest = *std::min_element(expiries.begin(), expiries.end());
  w.latest = *std::max_element(expiries.begin(), expiries.end());
  w.fifteen_years = any15 && any10 ? ExpiryWindow::Rule::kMaybe
                    : any15        ? ExpiryWindow::Rule::kYes
                                   : ExpiryWindow::Rule::kNo;
  w.issued_to_minor = in.birth_date.has_value() && all_minor;
  return w;
}

}  // namespace jae::check
