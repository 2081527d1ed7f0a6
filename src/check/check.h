// The player check: from the results of one player's documents to the referee's verdict.
// Pure code (no I/O, no clock): the match date comes in the options.
//
// Contract: CheckPlayer never trusts its input and never fails. Any number of inputs,
// rejected results, inputs that gave no result, documents that are not identity
// documents or licences: each becomes a check that is `fail` or `unknown` with a reason,
// so the verdict is `refuse` or `review`, never `ok` on incomplete evidence.
//  - identity: surname, given names, birth date, sex, each with the document it comes
//    from. A value the machine readable zone proves (source "mrz", and the MRZ lines,
//    re-read here, hold every check digit and give that value) outranks every other; a
//    value corrected by hand (source "manual") comes next; then the printed values by
//    confidence, identity documents before licences.
//  - documents: one summary per input; the two sides of one ID card (front with the
//    printed number, back with the MRZ) are one card when their numbers agree.
//  - checks: same_person, id_document_valid, licence_valid_for_season, age,
//    documents_readable — each pass|fail|unknown with a reason code and a French sentence.
//  - verdict: refuse if a check fails, else review if one is unknown, else ok; reasons
//    list the failed checks, then the unknown ones, in the order above.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "result/result.h"

namespace jae::check {

// More inputs than this are not one player's dossier: the check says so (review).
inline constexpr int kMaxDocuments = 10;
// A field read with less confidence than this cannot decide a check on its own.
inline constexpr double kLowConfidence = 0.6;

struct Input {
  std::string name;              // what the referee knows the input by (file name)
  std::optional<Result> result;  // nullopt: the input gave no result
  std::string error;             // why there is no result; never personal data
};

struct Options {
  CivilDate match_date;
  std::optional<int> min_age;
  std::optional<int> max_age;
};

enum class CheckStatus { kPass, kFail, kUnknown };
enum class Verdict { kOk, kReview, kRefuse };

struct CheckOutcome {
  CheckStatus status = CheckStatus::kUnknown;
  std::string code;                      // stable, snake_case: what a program tests
  std::string message;                   // one French sentence: what the referee reads
  std::optional<int> document;           // index of the input the outcome rests on
  std::optional<CivilDate> expiry_date;  // id_document_valid: the date that applies
  std::optional<int> season;             // licence_valid_for_season: the licence's season
  std::optional<int> age_in_season;      // age: age reached in the season's year
  std::optional<int> age_on_match_date;  // age: exact age on the match date
};

struct IdentityValue {
  std::string value;
  int document = 0;    // index into PlayerCheck::documents
  std::string source;  // "mrz" (proven), "manual", "visual", "model", "barcode", "unspecified"
};

struct Identity {
  std::optional<IdentityValue> surname;
  std::optional<IdentityValue> given_names;
  std::optional<IdentityValue> birth_date;
  std::optional<IdentityValue> sex;
};

struct DocumentSummary {
  std::string name;
  std::string status;  // "ok", "rejected", "no_result"
  std::optional<DocumentType> type;
  std::optional<DocumentSide> side;
  std::optional<CheckDigitState> mrz;  // the MRZ verdict of the result
  std::optional<int> card;             // index into PlayerCheck::cards
  std::vector<std::string> warnings;
  std::optional<ErrorCode> error_code;
  std::string error;  // rejection message or why there is no result
};

struct Card {
  DocumentType type = DocumentType::kIdCard;
  std::string model;  // "fr_id_2021", "fr_id_1988" or "other"
  std::vector<int> documents;
  std::vector<DocumentSide> sides;
  bool complete = true;  // a two-sided card of which both sides were given
};

struct Reason {
  std::string check;
  CheckStatus status = CheckStatus::kUnknown;
  std::string code;
  std::string message;
};

struct PlayerCheck {
  CivilDate match_date;
  int season = 0;
  std::optional<int> min_age;
  std::optional<int> max_age;
  Identity identity;
  std::vector<DocumentSummary> documents;
  std::vector<Card> cards;
  CheckOutcome same_person;
  CheckOutcome id_document_valid;
  CheckOutcome licence_valid_for_season;
  CheckOutcome age;
  CheckOutcome documents_readable;
  Verdict verdict = Verdict::kReview;
  std::vector<Reason> reasons;
};

PlayerCheck CheckPlayer(const std::vector<Input>& inputs, const Options& options);

std::string_view ToString(CheckStatus s);
std::string_view ToString(Verdict v);

}  // namespace jae::check
