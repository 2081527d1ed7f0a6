// Verification: field normalisation, MRZ precedence and cross-checks, expiry and age.
// Warnings name a field and a reason, never a value: they end up in logs and results.
#include "verify/verify.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string>

#include "mrz/forms.h"
#include "mrz/mrz.h"
#include "verify/forms.h"
#include "verify/names.h"
#include "verify/normalize.h"
#include "verify/text.h"

namespace jae::verify {
namespace {

std::string FieldLabel(FieldName name) { return std::string(ToString(name)); }

// document.issuing_country is always three characters, fillers included ("D<<").
std::string PadCode(std::string code) {
  code.resize(3, '<');
  return code;
}

// The same state: ICAO writes Germany "D", ISO 3166 "DEU".
bool SameCountry(const std::string& a, const std::string& b) {
  const auto canonical = [](const std::string& c) { return c == "D" ? std::string("DEU") : c; };
  return canonical(a) == canonical(b);
}

std::optional<CivilDate> ParseIso(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
  }
  const CivilDate d{std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)),
                    std::stoi(iso.substr(8, 2))};
  if (!IsValidCivilDate(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

// Full years from `from` to `to` (negative if `to` is earlier).
int YearsBetween(const CivilDate& from, const CivilDate& to) {
  int years = to.year - from.year;
  if (to.month < from.month || (to.month == from.month && to.day < from.day)) --years;
  return years;
}

class Verifier {
 public:
  Verifier(const Extraction& extraction, const VerifyOptions& options)
      : extraction_(extraction), today_(options.today) {}

  Verified Run() {
    out_.document.type = extraction_.type;
    out_.document.side = extraction_.side;
    if (extraction_.issuing_country) {
      auto code = NormalizeCountryCode(*extraction_.issuing_country);
      if (code.problem == Problem::kNone) {
        out_.document.issuing_country = PadCode(*code.value);
      } else {
        Warn("issuing_country: not a three-letter code");
      }
    }
    for (const auto& [name, field] : extraction_.fields) NormalizeField(name, field);
    ApplyMrz();
    CheckDates();
    return std::move(out_);
  }

 private:
  void Warn(std::string text) { out_.verification.warnings.push_back(std::move(text)); }

  // The document says it is a French identity card: its type, and its country, or when
  // the country is not known before the MRZ is read, the holder's nationality (a national
  // identity card is issued to the state's own nationals).
  bool IsFrenchIdCard() const {
    if (out_.document.type != DocumentType::kIdCard) return false;
    if (out_.document.issuing_country) return *out_.document.issuing_country == "FRA";
    const auto nationality = extraction_.fields.find(FieldName::kNationality);
    return nationality != extraction_.fields.end() &&
           NormalizeCountryCode(nationality->second.value).value.value_or("") == "FRA";
  }

  // Not a fact: kept under document.unreadable for a person, with a warning that names
  // the field and the reason, never the value.
  void Unreadable(FieldName name, const Field& field, const char* reason) {
    UnreadableField u{field, reason};
    u.read.value = CollapseWhitespace(field.value);
    if (u.read.confidence &&
        (!std::isfinite(*u.read.confidence) || *u.read.confidence < 0 || *u.read.confidence > 1)) {
      u.read.confidence.reset();
    }
    if (u.read.source == FieldSource::kMrz) u.read.source.reset();
    out_.document.unreadable[name] = std::move(u);
  }

  void Keep(FieldName name, const Field& original, std::string value) {
    Field field = original;
    field.value = std::move(value);
    if (field.confidence &&
        (!std::isfinite(*field.confidence) || *field.confidence < 0 || *field.confidence > 1)) {
      field.confidence.reset();
      Warn(FieldLabel(name) + ": confidence out of range");
    }
    out_.document.fields[name] = std::move(field);
  }

  void KeepDate(FieldName name, const Field& field, DateKind kind) {
    const auto date = NormalizeDate(field.value, kind, today_);
    if (date.value) {
      Keep(name, field, FormatIsoDate(*date.value));
      return;
    }
    Unreadable(name, field, "form");
    if (date.problem == Problem::kInvalidDate) {
      Warn(FieldLabel(name) + ": not a valid date");
    } else {
      Warn(FieldLabel(name) + ": not a date");
    }
  }

  void NormalizeField(FieldName name, const Field& field) {
    const std::string text = CollapseWhitespace(field.value);
    if (text.empty()) return;  // nothing read: the field is absent
    const std::string label = FieldLabel(name);
    if (field.confidence && std::isfinite(*field.confidence) && *field.confidence >= 0 &&
        *field.confidence < kMinFieldConfidence) {
      Unreadable(name, field, "low_confidence");
      return Warn(label + ": confidence below the threshold, not used");
    }
    switch (name) {
      case FieldName::kSurname:
      case FieldName::kGivenNames:
        if (IsNameForm(text)) return Keep(name, field, text);
        Unreadable(name, field, "form");
        return Warn(label + ": not a name (a digit, a sign or no letter)");
      case FieldName::kBirthDate:
      case FieldName::kIssueDate:
        return KeepDate(name, field, DateKind::kPast);
      case FieldName::kExpiryDate:
        return KeepDate(name, field, DateKind::kFuture);
      case FieldName::kSex: {
        const auto sex = NormalizeSex(text);
        if (sex.value) return Keep(name, field, *sex.value);
        Unreadable(name, field, "form");
        return Warn(label + ": not F, M or X");
      }
      case FieldName::kNationality: {
        const auto code = NormalizeCountryCode(text);
        if (code.problem == Problem::kNone) return Keep(name, field, *code.value);
        Unreadable(name, field, "form");
        return Warn(label + ": not a country code of the ISO 3166 / ICAO list");
      }
      case FieldName::kDocumentNumber: {
        std::string number = NormalizeDocumentNumber(text);
        if (IsFrenchIdCard() && !IsFrenchIdCardNumberForm(number)) {
          Unreadable(name, field, "form");
          return Warn(label +
                      ": not a French identity card's number (9 letters or digits, or the 1988 "
                      "card's 12)");
        }
        return Keep(name, field, std::move(number));
      }
      case FieldName::kBirthPlace:
        if (IsPlaceForm(text)) return Keep(name, field, text);
        Unreadable(name, field, "form");
        return Warn(label + ": not a place (a sign or a number no town name has)");
      case FieldName::kLicenceNumber: {
        const auto number = NormalizeLicenceNumber(text);
        if (number.problem != Problem::kNone) Warn(label + ": not 7 digits and a letter");
        if (number.value) Keep(name, field, *number.value);
        return;
      }
      case FieldName::kClubNumber: {
        const auto number = NormalizeClubNumber(text);
        if (number.value) return Keep(name, field, *number.value);
        Unreadable(name, field, "form");
        return Warn(label + ": not digits");
      }
      case FieldName::kRanking: {
        const auto ranking = NormalizeRanking(text);
        if (ranking.problem != Problem::kNone) Warn(label + ": not on the French ranking scale");
        return Keep(name, field, *ranking.value);
      }
      case FieldName::kSeason: {
        const auto season = NormalizeSeason(text);
        if (season.value) return Keep(name, field, *season.value);
        Unreadable(name, field, "form");
        return Warn(label + ": not a season year");
      }
      case FieldName::kAddress: {
        // Addresses span lines; keep the line breaks, trim the ends.
        const auto first = field.value.find_first_not_of(" \t\r\n");
        const auto last = field.value.find_last_not_of(" \t\r\n");
        return Keep(name, field, field.value.substr(first, last - first + 1));
      }
      default:
        return Keep(name, field, text);
    }
  }

  // How much room the MRZ name field had (verify/names.h): fillers left at its end and
  // the separator between given names. A surname followed by given names was not cut.
  static NameRoom RoomFor(const mrz::ParsedMrz& parsed, FieldName name) {
    const auto& lines = parsed.lines;
    const auto trailing = [&](std::size_t line, std::size_t start, std::size_t end) {
      if (line >= lines.size() || end > lines[line].size()) return 0;
      int n = 0;
      for (std::size_t i = end; i > start && lines[line][i - 1] == '<'; --i) ++n;
      return n;
    };
    constexpr int kNoCut = 1000;  // words may be neither dropped nor cut
    const bool surname = name == FieldName::kSurname;
    const bool has_given = !parsed.data.given_names.empty();
    switch (parsed.format) {
      case MrzFormat::kTD1:
        return {surname && has_given ? kNoCut : trailing(2, 0, 30), 1};
      case MrzFormat::kTD2:
      case MrzFormat::kTD3:
      case MrzFormat::kMRVA:
      case MrzFormat::kMRVB: {
        const std::size_t width = lines.empty() ? 0 : lines[0].size();
        return {surname && has_given ? kNoCut : trailing(0, 5, width), 1};
      }
      case MrzFormat::kFrId1988:
        return surname ? NameRoom{trailing(0, 5, 30), 1} : NameRoom{trailing(1, 13, 27), 2};
      case MrzFormat::kFrDl:
        return {trailing(0, 21, 29), 1};
    }
    return {kNoCut, 1};
  }

  // The check digit that covers `name` on its own in this layout, if any.
  static const char* OwnCheck(MrzFormat format, FieldName name) {
    switch (name) {
      case FieldName::kDocumentNumber:
        return "document_number";
      case FieldName::kBirthDate:
        return format == MrzFormat::kFrDl ? nullptr : "birth_date";
      case FieldName::kExpiryDate:
        return format == MrzFormat::kFrDl || format == MrzFormat::kFrId1988 ? nullptr
                                                                            : "expiry_date";
      default:
        return nullptr;
    }
  }

  // True when the printed value and the MRZ's say the same for `name`.
  static bool Agree(const mrz::ParsedMrz& parsed, FieldName name, const std::string& printed,
                    const std::string& from_mrz) {
    switch (name) {
      case FieldName::kSurname:
      case FieldName::kGivenNames:
        return NamesAgreeUpToMisreads(printed, from_mrz, RoomFor(parsed, name));
      case FieldName::kNationality:
        return SameCountry(printed, from_mrz);
      case FieldName::kDocumentNumber: {
        // A passport's or visa's MRZ holds 9 characters of the number and, unlike TD1 and
        // TD2, carries no overflow: a longer printed number is cut there (a visa's
        // "555123ABC12" over "555123ABC"). What the MRZ holds must be its start.
        const std::string p = FoldConfusions(printed), m = FoldConfusions(from_mrz);
        const bool cut = parsed.format == MrzFormat::kTD3 || parsed.format == MrzFormat::kMRVA ||
                         parsed.format == MrzFormat::kMRVB;
        return p == m || (cut && m.size() == 9 && p.size() > m.size() && p.starts_with(m));
      }
      default:
        return printed == from_mrz;
    }
  }

  void ApplyMrz() {
    Verification& v = out_.verification;
    std::vector<std::string> lines;
    for (const auto& line : extraction_.mrz_lines) {
      if (!CollapseWhitespace(line).empty()) lines.push_back(line);
    }
    if (lines.empty()) {
      v.mrz_check_digits = CheckDigitState::kAbsent;
      v.mrz_matches_visual = VisualMatch::kNotApplicable;
      return;
    }
    mrz::ParseOptions options;
    options.today = today_;
    const auto parsed = mrz::ParseMrz(lines, options);
    if (!parsed.ok()) {
      // Something was transcribed as an MRZ but is not one: never a silent pass.
      v.mrz_check_digits = CheckDigitState::kFail;
      v.mrz_matches_visual = VisualMatch::kNotApplicable;
      Warn("mrz: not a machine readable zone");
      return;
    }
    out_.document.mrz = mrz::ToMrzBlock(*parsed);
    v.mrz_check_digits = parsed->valid ? CheckDigitState::kPass : CheckDigitState::kFail;
    // An MRZ whose check digits hold but whose fields break their form (a month 13) is
    // not valid either: "pass" would read as proof.
    if (!parsed->failed_checks.empty()) Warn("mrz: check digits do not hold");
    for (const auto& field : parsed->form_problems) Warn("mrz: " + field + " breaks its form");
    // A repair is only as good as the check digits behind it (a random misread can be
    // "repaired" into another valid MRZ, see tests/node/mrz-differential.mjs): say so.
    if (parsed->corrected) {
      Warn("mrz: " + std::to_string(parsed->corrections.size()) +
           " character(s) repaired along OCR confusions");
    }
    InferDocument(*parsed);

    const std::set<std::string> failed(parsed->failed_checks.begin(), parsed->failed_checks.end());
    const bool number_fits = mrz::DocumentNumberFitsIssuerFormat(*parsed);
    if (!number_fits) {
      Warn(
          "document_number: not the format of a French passport number (2 digits, 2 letters, "
          "5 digits)");
    }
    // A filler read as a character of the same weight (K for '<') passes every check
    // digit; the values it touches are not proved (the engine's reader withholds such a
    // read; a model's transcription may still hold one).
    const bool filler_misread = mrz::BlindCharacterAfterFiller(*parsed);
    if (filler_misread) {
      Warn("mrz: a character alone among fillers weighs like a filler; no check digit proves it");
    }
    int compared = 0;
    bool mismatch = false;
    Fields& fields = out_.document.fields;
    for (const auto& [name, mrz_field] : mrz::ToResultFields(parsed->data)) {
      if (mrz_field.value.empty()) continue;
      // The date of the French driving-licence line has no confirmed meaning
      // (reference/identity-documents.md §7): neither compared nor used.
      if (parsed->format == MrzFormat::kFrDl && name == FieldName::kExpiryDate) continue;
      auto visual = fields.find(name);
      // A printed 1988 card number that is not one (12 characters, YYMM + office + 5
      // digits) is a misread, not a disagreement: it says nothing against a valid MRZ.
      if (visual != fields.end() && parsed->valid && name == FieldName::kDocumentNumber &&
          parsed->format == MrzFormat::kFrId1988 &&
          !mrz::IsFrId1988NumberForm(NormalizeDocumentNumber(visual->second.value))) {
        Unreadable(name, visual->second, "form");
        Warn("document_number: the printed number is not a 1988 card's (YYMM, office, 5 digits)");
        fields.erase(visual);
        visual = fields.end();
      }
      // Only readable values are compared: a printed value that failed its form or its
      // confidence is not in `fields`, and an MRZ that is not valid (a check digit fails
      // or a field breaks its form) says nothing reliable. Sex '<' (X) is "unspecified".
      const bool comparable = visual != fields.end() && parsed->valid &&
                              !(name == FieldName::kSex && mrz_field.value == "X");
      if (comparable && !Agree(*parsed, name, visual->second.value, mrz_field.value) &&
          visual->second.confidence && *visual->second.confidence < kMinConfidenceToDisagree) {
        Unreadable(name, visual->second, "low_confidence");
        Warn(FieldLabel(name) +
             ": the printed reading differs from the MRZ's but was read with too little "
             "confidence to stand against it; not used");
        fields.erase(visual);
        visual = fields.end();
      } else if (comparable) {
        ++compared;
        if (!Agree(*parsed, name, visual->second.value, mrz_field.value)) {
          mismatch = true;
          const auto source = visual->second.source;
          Warn("mrz_matches_visual: " + FieldLabel(name) + " differs between the MRZ and the " +
               (source ? std::string(ToString(*source)) : std::string("printed")) + " reading");
        }
      }
      // What the MRZ proves: fields with their own check digit, in an MRZ whose every
      // check holds. A field's own check alone proves little when others fail: the line
      // was misread, and mod-10 check digits cannot tell G from 6 or S from 8 (16 and 28
      // weigh like 6 and 8) — seen on glare-damaged photos. Such a field, and the MRZ's
      // other fields, only fill gaps; printed names are kept since they carry the
      // accents the MRZ drops.
      if (name == FieldName::kDocumentNumber && !number_fits) continue;
      const char* check = OwnCheck(parsed->format, name);
      const bool own_check_holds = check != nullptr && !failed.contains(check);
      const bool proven = own_check_holds && parsed->valid && !filler_misread;
      if (proven || (visual == fields.end() && (parsed->valid || own_check_holds))) {
        Field field;
        field.value = mrz_field.value;
        // Only a check digit makes a field "mrz": a name line has none, so a name taken
        // from it fills the gap without claiming to be verified.
        if (proven) field.source = FieldSource::kMrz;
        fields[name] = std::move(field);
      }
    }
    v.mrz_matches_visual = mismatch       ? VisualMatch::kMismatch
                           : compared > 0 ? VisualMatch::kMatch
                                          : VisualMatch::kNotApplicable;
  }

  // The MRZ says what the document is when the engine could not tell.
  void InferDocument(const mrz::ParsedMrz& parsed) {
    Document& doc = out_.document;
    const std::string& state = parsed.data.issuing_state;
    if (!doc.issuing_country && parsed.valid && !state.empty()) {
      const auto code = NormalizeCountryCode(state);
      if (code.problem == Problem::kNone) doc.issuing_country = PadCode(*code.value);
    }
    if (doc.type != DocumentType::kOther) return;
    const std::string& code = parsed.data.document_code;
    if (parsed.format == MrzFormat::kFrDl) {
      doc.type = DocumentType::kDrivingLicence;
    } else if (parsed.format == MrzFormat::kFrId1988 || code == "ID" || code == "I<") {
      doc.type = DocumentType::kIdCard;
    } else if (!code.empty() && code[0] == 'P') {
      doc.type = DocumentType::kPassport;
    }
  }

  void CheckDates() {
    Verification& v = out_.verification;
    const Fields& fields = out_.document.fields;
    const auto date_of = [&](FieldName name) -> std::optional<CivilDate> {
      const auto it = fields.find(name);
      return it == fields.end() ? std::nullopt : ParseIso(it->second.value);
    };
    const auto birth = date_of(FieldName::kBirthDate);
    const auto expiry = date_of(FieldName::kExpiryDate);
    const auto issue = date_of(FieldName::kIssueDate);
    if (birth) {
      if (*birth > today_) {
        Warn("birth_date: in the future");
      } else {
        v.age_years = YearsBetween(*birth, today_);
      }
    }
    if (issue && *issue > today_) Warn("issue_date: in the future");
    if (issue && expiry && *expiry < *issue) Warn("expiry_date: before issue_date");
    if (expiry) {
      v.expired = *expiry < today_;
      if (*v.expired && FrenchCardExtended(birth, issue, *expiry)) {
        v.expired = false;
        Warn(
            "expiry_date: extended by 5 years (French identity card issued 2004-2013 to an adult)");
      }
    }
  }

  // French identity cards issued to adults from 2 Jan 2004 to 31 Dec 2013 are valid 15
  // years although they print 10 (reference/identity-documents.md §7).
  bool FrenchCardExtended(const std::optional<CivilDate>& birth,
                          const std::optional<CivilDate>& issue, const CivilDate& expiry) const {
    const Document& doc = out_.document;
    if (doc.type != DocumentType::kIdCard || doc.issuing_country != "FRA" || !birth || !issue) {
      return false;
    }
    if (*issue < CivilDate{2004, 1, 2} || *issue > CivilDate{2013, 12, 31}) return false;
    if (YearsBetween(*birth, *issue) < 18 || YearsBetween(*issue, expiry) > 10) return false;
    const CivilDate extended{expiry.year + 5, expiry.month, expiry.day};
    return !(extended < today_);
  }

  const Extraction& extraction_;
  const CivilDate today_;
  Verified out_;
};

}  // namespace

Verified Verify(const Extraction& extraction, const VerifyOptions& options) {
  return Verifier(extraction, options).Run();
}

}  // namespace jae::verify
