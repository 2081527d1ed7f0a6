// The player check's rules. Each check is one function over the analysed documents;
// CheckPlayer assembles them. Messages are for the referee (French); codes are stable.
#include "check/check.h"

#include <algorithm>
#include <map>
#include <set>

#include "check/dates.h"
#include "check/id_validity.h"
#include "check/names.h"
#include "mrz/mrz.h"
#include "verify/normalize.h"

namespace jae::check {
namespace {

enum class Category { kIdentity, kLicence, kOther };

Category CategoryOf(DocumentType t) {
  switch (t) {
    case DocumentType::kIdCard:
    case DocumentType::kPassport:
    case DocumentType::kResidencePermit:
    case DocumentType::kDrivingLicence:
      return Category::kIdentity;
    case DocumentType::kFftLicence:
      return Category::kLicence;
    case DocumentType::kOther:
      break;
  }
  return Category::kOther;
}

// One field as the check sees it.
struct View {
  const Field* field = nullptr;
  int document = 0;
  bool proven = false;  // the MRZ proves it
  bool may_be_cut = false;
  bool low = false;  // too little confidence to decide alone
  explicit operator bool() const { return field != nullptr; }
  const std::string& value() const { return field->value; }
};

// One input, analysed once.
struct Doc {
  int index = 0;
  const Input* input = nullptr;
  const Document* document = nullptr;  // set for ok results with a document
  Category category = Category::kOther;
  bool mrz_present = false;
  bool mrz_valid = false;
  Fields mrz_values;  // what the MRZ says, when every check holds
  bool mrz_names_full = false;
  std::string number;  // normalised document number
};

std::string Upper(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::string Quote(const Doc& d) { return "« " + d.input->name + " »"; }

// A full name field may have been cut (identity-documents.md §6).
bool MrzNamesFull(const mrz::ParsedMrz& p) {
  const auto full = [](const std::string& s, std::size_t from, std::size_t to) {
    return s.size() >= to && s[to - 1] != '<' && to > from;
  };
  switch (p.format) {
    case MrzFormat::kTD1:
      return p.lines.size() >= 3 && full(p.lines[2], 0, p.lines[2].size());
    case MrzFormat::kFrId1988:
      return p.lines.size() >= 2 && (full(p.lines[0], 5, 30) || full(p.lines[1], 13, 27));
    case MrzFormat::kFrDl:
      return true;
    default:
      return !p.lines.empty() && full(p.lines[0], 5, p.lines[0].size());
  }
}

Doc Analyse(const Input& input, int index, const Options& options) {
  Doc d;
  d.index = index;
  d.input = &input;
  if (!input.result || input.result->status != ResultStatus::kOk || !input.result->document) {
    return d;
  }
  d.document = &*input.result->document;
  d.category = CategoryOf(d.document->type);
  if (d.document->mrz && !d.document->mrz->lines.empty()) {
    d.mrz_present = true;
    mrz::ParseOptions po;
    po.today = options.match_date;
    po.correct = false;  // the lines are as the result says: re-read, not repaired
    const auto parsed = mrz::ParseMrz(d.document->mrz->lines, po);
    if (parsed.ok() && parsed->valid) {
      d.mrz_valid = true;
      d.mrz_values = mrz::ToResultFields(parsed->data);
      d.mrz_names_full = MrzNamesFull(*parsed);
    }
  }
  const auto number = d.document->fields.find(FieldName::kDocumentNumber);
  if (number != d.document->fields.end()) d.number = Upper(number->second.value);
  return d;
}

View ViewOf(const Doc& d, FieldName name) {
  View v;
  if (!d.document) return v;
  const auto it = d.document->fields.find(name);
  if (it == d.document->fields.end()) return v;
  v.field = &it->second;
  v.document = d.index;
  const auto m = d.mrz_values.find(name);
  const bool mrz_says = m != d.mrz_values.end() && m->second.value == it->second.value;
  v.proven = it->second.source == FieldSource::kMrz && d.mrz_valid && mrz_says;
  const bool is_name = name == FieldName::kSurname || name == FieldName::kGivenNames;
  v.may_be_cut = is_name && d.mrz_names_full && mrz_says;
  v.low = !v.proven && it->second.source != FieldSource::kManual && it->second.confidence &&
          *it->second.confidence < kLowConfidence;
  return v;
}

// Ranking of values for the identity: MRZ-proven, then manual, then by confidence.
std::tuple<int, int, double> Rank(const View& v, const Doc& d) {
  const int tier = v.proven ? 3 : v.field->source == FieldSource::kManual ? 2 : 1;
  const int identity_first = d.category == Category::kIdentity ? 1 : 0;
  return {tier, identity_first, v.field->confidence.value_or(0.5)};
}

View Best(const std::vector<const Doc*>& docs, FieldName name) {
  View best;
  std::tuple<int, int, double> best_rank{-1, -1, -1};
  for (const Doc* d : docs) {
    const View v = ViewOf(*d, name);
    if (!v) continue;
    const auto r = Rank(v, *d);
    if (r > best_rank) {  // ties keep the earlier input
      best = v;
      best_rank = r;
    }
  }
  return best;
}

std::string SourceName(const View& v) {
  if (v.proven) return "mrz";
  if (!v.field->source) return "unspecified";
  // A "mrz" claim that the lines do not prove is reported as what it is: unproven.
  if (*v.field->source == FieldSource::kMrz) return "unspecified";
  return std::string(ToString(*v.field->source));
}

std::optional<IdentityValue> ToIdentity(const View& v) {
  if (!v) return std::nullopt;
  return IdentityValue{v.value(), v.document, SourceName(v)};
}

CheckOutcome Outcome(CheckStatus s, std::string code, std::string message) {
  CheckOutcome o;
  o.status = s;
  o.code = std::move(code);
  o.message = std::move(message);
  return o;
}

// --- cards ---------------------------------------------------------------------------

struct CardInfo {
  Card card;
  std::vector<const Doc*> docs;
};

std::vector<CardInfo> GroupCards(const std::vector<Doc>& docs) {
  std::vector<CardInfo> cards;
  std::map<std::string, std::size_t> by_number;
  for (const Doc& d : docs) {
    if (!d.document || d.category != Category::kIdentity) continue;
    const bool id_card = d.document->type == DocumentType::kIdCard;
    std::size_t at = cards.size();
    const std::string key = id_card && !d.number.empty() ? d.number : "";
    if (!key.empty() && by_number.contains(key)) {
      at = by_number[key];
    } else {
      cards.push_back(CardInfo{});
      cards.back().card.type = d.document->type;
      if (!key.empty()) by_number[key] = at;
    }
    cards[at].docs.push_back(&d);
    cards[at].card.documents.push_back(d.index);
    if (d.document->side) cards[at].card.sides.push_back(*d.document->side);
  }
  for (CardInfo& c : cards) {
    std::string model = "other";
    for (const Doc* d : c.docs) {
      const bool fr1988 = (d->document->mrz && d->document->mrz->format == MrzFormat::kFrId1988) ||
                          (c.card.type == DocumentType::kIdCard && IsFrId1988Number(d->number));
      const bool fr2021 = c.card.type == DocumentType::kIdCard && d->number.size() == 9 &&
                          (d->document->issuing_country.value_or("") == "FRA" ||
                           (d->document->mrz && d->document->mrz->format == MrzFormat::kTD1));
      if (fr1988) model = "fr_id_1988";
      if (fr2021 && model == "other") model = "fr_id_2021";
    }
    c.card.model = model;
    if (model == "fr_id_2021") {
      const auto& s = c.card.sides;
      const auto has = [&](DocumentSide x) { return std::find(s.begin(), s.end(), x) != s.end(); };
      c.card.complete = has(DocumentSide::kBoth) ||
                        (has(DocumentSide::kFront) && has(DocumentSide::kBack)) ||
                        (!has(DocumentSide::kFront) && !has(DocumentSide::kBack));
    }
  }
  return cards;
}

// --- same_person ------------------------------------------------------------------------

struct Person {
  const Doc* doc = nullptr;  // the document named in messages
  View surname, given, birth;
};

Person PersonOf(const std::vector<const Doc*>& docs) {
  Person p;
  p.doc = docs.front();
  p.surname = Best(docs, FieldName::kSurname);
  p.given = Best(docs, FieldName::kGivenNames);
  p.birth = Best(docs, FieldName::kBirthDate);
  return p;
}

// How the messages about one field of the pair name it.
struct FieldWords {
  const char* missing;  // "Le nom" (manque sur …)
  const char* differs;  // "Le nom de famille" (diffère entre …)
  const char* plural;   // "Les noms" (de … diffèrent mais …)
  const char* misread;  // "l'un est mal lu"
  const char* code;     // the failure's code
};
constexpr FieldWords kSurnameWords{"Le nom", "Le nom de famille", "Les noms", "l'un est mal lu",
                                   "surname_mismatch"};
constexpr FieldWords kGivenWords{"Le prénom", "Le prénom", "Les prénoms", "l'un est mal lu",
                                 "given_names_mismatch"};
constexpr FieldWords kBirthWords{"La date de naissance", "La date de naissance",
                                 "Les dates de naissance", "l'une est mal lue",
                                 "birth_date_mismatch"};

// A field read on one document of the pair only (`a_field` is a's): compare by hand.
CheckOutcome FieldMissing(const FieldWords& words, const Person& a, const Person& b,
                          const View& a_field) {
  return Outcome(CheckStatus::kUnknown, "field_missing",
                 std::string(words.missing) + " manque sur " +
                     (a_field ? Quote(*b.doc) : Quote(*a.doc)) + " : comparer à la main.");
}

// A field that differs between the pair (named `pair`): a failure, unless one of the two
// was read with low confidence (`low`): then unknown, to compare by hand.
CheckOutcome Differs(const FieldWords& words, bool low, const std::string& pair) {
  if (low) {
    return Outcome(CheckStatus::kUnknown, "low_confidence",
                   std::string(words.plural) + " de " + pair + " diffèrent mais " + words.misread +
                       " : comparer à la main.");
  }
  return Outcome(CheckStatus::kFail, words.code,
                 std::string(words.differs) + " diffère entre " + pair + ".");
}

CheckOutcome ComparePair(const Person& a, const Person& b) {
  const std::string pair = Quote(*a.doc) + " et " + Quote(*b.doc);
  std::vector<CheckOutcome> parts;
  // Surname.
  if (!a.surname || !b.surname) {
    parts.push_back(FieldMissing(kSurnameWords, a, b, a.surname));
  } else if (!SurnamesMatch(a.surname.value(), b.surname.value(), a.surname.may_be_cut,
                            b.surname.may_be_cut)) {
    const auto ua = SplitUsageName(a.surname.value());
    const auto ub = SplitUsageName(b.surname.value());
    const auto part_matches = [](const std::optional<UsageName>& u, const std::string& other) {
      return u && ((!u->first.empty() && SurnamesMatch(u->first, other)) ||
                   (!u->second.empty() && SurnamesMatch(u->second, other)));
    };
    bool usage = part_matches(ua, b.surname.value()) || part_matches(ub, a.surname.value());
    if (ua && ub) {
      usage = usage || part_matches(ua, ub->first) || part_matches(ua, ub->second);
    }
    if (usage) {
      parts.push_back(Outcome(CheckStatus::kUnknown, "usage_name",
                              "Nom d'usage sur un document, nom de naissance sur l'autre (" + pair +
                                  ") : vérifier à la main."));
    } else {
      parts.push_back(Differs(kSurnameWords, a.surname.low || b.surname.low, pair));
    }
  }
  // Given names.
  if (!a.given || !b.given) {
    parts.push_back(FieldMissing(kGivenWords, a, b, a.given));
  } else if (!GivenNamesMatch(a.given.value(), b.given.value(), a.given.may_be_cut,
                              b.given.may_be_cut)) {
    parts.push_back(Differs(kGivenWords, a.given.low || b.given.low, pair));
  }
  // Birth date: equal exactly.
  if (!a.birth || !b.birth) {
    parts.push_back(FieldMissing(kBirthWords, a, b, a.birth));
  } else if (a.birth.value() != b.birth.value()) {
    parts.push_back(Differs(kBirthWords, a.birth.low || b.birth.low, pair));
  }
  for (const auto& p : parts) {
    if (p.status == CheckStatus::kFail) return p;
  }
  if (!parts.empty()) return parts.front();
  return Outcome(CheckStatus::kPass, "same_person", "");
}

CheckOutcome SamePerson(const std::vector<CardInfo>& cards, const std::vector<Doc>& docs) {
  std::vector<Person> people;
  for (const CardInfo& c : cards) people.push_back(PersonOf(c.docs));
  const std::size_t identity_count = people.size();
  for (const Doc& d : docs) {
    if (d.document && d.category == Category::kLicence) people.push_back(PersonOf({&d}));
  }
  std::optional<CheckOutcome> unknown;
  for (std::size_t i = 0; i < people.size(); ++i) {
    for (std::size_t j = i + 1; j < people.size(); ++j) {
      CheckOutcome o = ComparePair(people[i], people[j]);
      if (o.status == CheckStatus::kFail) return o;
      if (o.status == CheckStatus::kUnknown && !unknown) unknown = std::move(o);
    }
  }
  if (unknown) return *unknown;
  if (identity_count == 0) {
    return Outcome(CheckStatus::kUnknown, "no_identity_document",
                   "Aucune pièce d'identité lisible : l'identité ne peut pas être vérifiée.");
  }
  if (people.size() == identity_count) {
    return Outcome(CheckStatus::kUnknown, "no_licence",
                   "Aucune licence lisible à rapprocher de la pièce d'identité.");
  }
  return Outcome(CheckStatus::kPass, "same_person",
                 "La pièce d'identité et la licence désignent la même personne (nom, prénom, "
                 "date de naissance).");
}

// --- id_document_valid ------------------------------------------------------------------

std::string MonthYear(const CivilDate& d) {
  return (d.month < 10 ? "0" : "") + std::to_string(d.month) + "/" + std::to_string(d.year);
}

CheckOutcome CardValidity(const CardInfo& c, const View& identity_birth, const CivilDate& match) {
  const View expiry_view = Best(c.docs, FieldName::kExpiryDate);
  std::optional<CivilDate> printed;
  if (expiry_view) printed = ParseIsoDate(expiry_view.value());
  const int doc = c.card.documents.front();
  if (c.card.model == "fr_id_1988") {
    Fr1988Inputs in;
    const View issue = Best(c.docs, FieldName::kIssueDate);
    if (issue) in.issue_date = ParseIsoDate(issue.value());
    for (const Doc* d : c.docs) {
      if (!in.issue_month) in.issue_month = IssueMonthOf1988Number(d->number);
    }
    in.printed_expiry = printed;
    View birth = Best(c.docs, FieldName::kBirthDate);
    if (!birth) birth = identity_birth;
    if (birth) in.birth_date = ParseIsoDate(birth.value());
    const auto w = Fr1988Expiry(in);
    if (!w) {
      auto o = Outcome(CheckStatus::kUnknown, "expiry_missing",
                       "Carte d'identité (modèle 1988) sans date de délivrance ni numéro lisible : "
                       "vérifier la date de validité au verso.");
      o.document = doc;
      return o;
    }
    const std::string issued = in.issue_date ? "le " + FrenchDate(*in.issue_date)
                                             : (in.issue_month ? "en " + MonthYear(*in.issue_month)
                                                               : "à une date inconnue");
    CheckOutcome o;
    if (match <= w->earliest) {
      if (w->fifteen_years == ExpiryWindow::Rule::kYes) {
        o = Outcome(CheckStatus::kPass, "valid_15_years",
                    "Carte d'identité (modèle 1988) délivrée à un majeur " + issued +
                        " : valable 15 ans et non 10 (décret n° 2013-1188), jusqu'au " +
                        FrenchDate(w->earliest) + ".");
      } else {
        o = Outcome(CheckStatus::kPass, "valid",
                    "Carte d'identité valable jusqu'au " + FrenchDate(w->earliest) + ".");
      }
      o.expiry_date = w->earliest;
    } else if (match > w->latest) {
      if (w->fifteen_years == ExpiryWindow::Rule::kYes) {
        o = Outcome(CheckStatus::kFail, "expired",
                    "Carte d'identité (modèle 1988) délivrée à un majeur " + issued +
                        ", valable 15 ans (décret n° 2013-1188) : expirée depuis le " +
                        FrenchDate(AddDays(w->latest, 1)) + ".");
      } else if (w->issued_to_minor && issued != "à une date inconnue") {
        o = Outcome(
            CheckStatus::kFail, "expired",
            "Carte d'identité délivrée à un mineur " + issued +
                " : valable 10 ans seulement (la prolongation à 15 ans ne vaut que pour les "
                "majeurs), expirée depuis le " +
                FrenchDate(AddDays(w->latest, 1)) + ".");
      } else {
        o = Outcome(
            CheckStatus::kFail, "expired",
            "Carte d'identité expirée depuis le " + FrenchDate(AddDays(w->latest, 1)) + ".");
      }
      o.expiry_date = w->latest;
    } else {
      o = Outcome(CheckStatus::kUnknown, "expiry_uncertain",
                  "Carte d'identité (modèle 1988) délivrée " + issued +
                      " : selon le jour de délivrance et l'âge du titulaire (règle des 15 ans, "
                      "décret n° 2013-1188), elle expire entre le " +
                      FrenchDate(w->earliest) + " et le " + FrenchDate(w->latest) +
                      " ; vérifier la date de délivrance au verso.");
    }
    o.document = doc;
    return o;
  }
  CheckOutcome o;
  if (!printed) {
    o = Outcome(CheckStatus::kUnknown, "expiry_missing",
                "Date d'expiration de la pièce d'identité illisible : la vérifier à la main.");
  } else if (expiry_view.low) {
    o = Outcome(CheckStatus::kUnknown, "low_confidence",
                "Date d'expiration de la pièce d'identité mal lue : la vérifier à la main.");
  } else if (match <= *printed) {
    o = Outcome(CheckStatus::kPass, "valid",
                "Pièce d'identité valable jusqu'au " + FrenchDate(*printed) + ".");
    o.expiry_date = printed;
  } else {
    o = Outcome(CheckStatus::kFail, "expired",
                "Pièce d'identité expirée depuis le " + FrenchDate(AddDays(*printed, 1)) + ".");
    o.expiry_date = printed;
  }
  o.document = expiry_view ? expiry_view.document : doc;
  return o;
}

CheckOutcome IdDocumentValid(const std::vector<CardInfo>& cards, const View& birth,
                             const CivilDate& match) {
  std::optional<CheckOutcome> unknown, fail;
  for (const CardInfo& c : cards) {
    CheckOutcome o = CardValidity(c, birth, match);
    if (o.status == CheckStatus::kPass) return o;
    if (o.status == CheckStatus::kUnknown && !unknown) unknown = std::move(o);
    if (o.status == CheckStatus::kFail && !fail) fail = std::move(o);
  }
  if (unknown) return *unknown;
  if (fail) return *fail;
  return Outcome(CheckStatus::kUnknown, "no_identity_document",
                 "Aucune pièce d'identité lisible dans le dossier.");
}

// --- licence_valid_for_season -----------------------------------------------------------

CheckOutcome LicenceValid(const std::vector<Doc>& docs, const CivilDate& match, int season) {
  std::set<std::string> numbers;
  std::vector<const Doc*> licences;
  for (const Doc& d : docs) {
    if (!d.document || d.category != Category::kLicence) continue;
    licences.push_back(&d);
    const View n = ViewOf(d, FieldName::kLicenceNumber);
    if (n) numbers.insert(Upper(n.value()));
  }
  const std::string season_text = "la saison " + std::to_string(season) + " (1er septembre " +
                                  std::to_string(season - 1) + " – 31 août " +
                                  std::to_string(season) + ")";
  if (licences.empty()) {
    return Outcome(CheckStatus::kUnknown, "no_licence",
                   "Aucune licence lisible : demander la licence de " + season_text + ".");
  }
  if (numbers.size() > 1) {
    return Outcome(CheckStatus::kUnknown, "several_licences",
                   "Le dossier contient plusieurs licences de numéros différents : une seule "
                   "licence doit être présentée.");
  }
  std::optional<CheckOutcome> unknown, fail;
  for (const Doc* d : licences) {
    const View s = ViewOf(*d, FieldName::kSeason);
    // Unread, or read as something that is no season: unknown.
    const std::optional<std::string> read =
        s ? verify::NormalizeSeason(s.value()).value : std::nullopt;
    if (!read) {
      if (!unknown) {
        unknown = Outcome(CheckStatus::kUnknown, "season_missing",
                          "Saison illisible sur la licence " + Quote(*d) +
                              " : vérifier qu'elle est de " + season_text + ".");
        unknown->document = d->index;
      }
      continue;
    }
    const int year = std::stoi(*read);
    CheckOutcome o;
    if (s.low) {
      o = Outcome(CheckStatus::kUnknown, "low_confidence",
                  "Saison de la licence mal lue : vérifier qu'elle est de " + season_text + ".");
    } else if (year == season) {
      o = Outcome(CheckStatus::kPass, "current_season",
                  "Licence de la saison " + std::to_string(season) +
                      " : valable pour le match du " + FrenchDate(match) + ".");
    } else {
      o = Outcome(CheckStatus::kFail, "wrong_season",
                  "Licence de la saison " + std::to_string(year) + " ; le match du " +
                      FrenchDate(match) + " se joue pendant " + season_text + ".");
    }
    o.document = d->index;
    o.season = year;
    if (o.status == CheckStatus::kPass) return o;
    if (o.status == CheckStatus::kUnknown && !unknown) unknown = o;
    if (o.status == CheckStatus::kFail && !fail) fail = o;
  }
  if (unknown) return *unknown;
  return *fail;
}

// --- age -----------------------------------------------------------------------------

CheckOutcome Age(const View& birth_view, const Options& options, int season) {
  const bool limited = options.min_age || options.max_age;
  std::optional<CivilDate> birth;
  if (birth_view) birth = ParseIsoDate(birth_view.value());
  if (!birth || *birth > options.match_date) {
    if (!limited) return Outcome(CheckStatus::kPass, "no_limit", "Aucune limite d'âge demandée.");
    return Outcome(CheckStatus::kUnknown, "birth_date_missing",
                   "Date de naissance illisible : l'âge ne peut pas être vérifié.");
  }
  const int in_season = season - birth->year;
  const int on_date = AgeOn(*birth, options.match_date);
  const std::string ages = std::to_string(in_season) + " ans dans l'année " +
                           std::to_string(season) + " (" + std::to_string(on_date) +
                           " ans le jour du match)";
  CheckOutcome o;
  if (!limited) {
    o = Outcome(CheckStatus::kPass, "no_limit", "Aucune limite d'âge demandée ; " + ages + ".");
  } else if (birth_view.low) {
    o = Outcome(CheckStatus::kUnknown, "low_confidence",
                "Date de naissance mal lue : vérifier l'âge à la main.");
  } else if (options.min_age && in_season < *options.min_age) {
    o = Outcome(
        CheckStatus::kFail, "too_young",
        ages + " : moins que l'âge minimum de " + std::to_string(*options.min_age) + " ans.");
  } else if (options.max_age && in_season > *options.max_age) {
    o = Outcome(
        CheckStatus::kFail, "too_old",
        ages + " : plus que l'âge maximum de " + std::to_string(*options.max_age) + " ans.");
  } else {
    o = Outcome(CheckStatus::kPass, "within_limits",
                ages + " : dans les limites d'âge de la compétition.");
  }
  o.document = birth_view.document;
  o.age_in_season = in_season;
  o.age_on_match_date = on_date;
  return o;
}

// --- documents_readable -----------------------------------------------------------------

CheckOutcome Readable(const std::vector<Doc>& docs, const std::vector<CardInfo>& cards) {
  if (docs.empty()) {
    return Outcome(CheckStatus::kUnknown, "no_documents", "Le dossier ne contient aucun document.");
  }
  for (const Doc& d : docs) {
    const Result* r = d.input->result ? &*d.input->result : nullptr;
    if (r && r->status == ResultStatus::kRejected) {
      auto o = Outcome(CheckStatus::kFail, "rejected",
                       "Le document " + Quote(d) + " n'a pas pu être lu (rejeté).");
      o.document = d.index;
      return o;
    }
    const bool mrz_fails =
        (d.mrz_present && !d.mrz_valid) ||
        (r && r->verification && r->verification->mrz_check_digits == CheckDigitState::kFail);
    if (d.document && mrz_fails) {
      auto o = Outcome(CheckStatus::kFail, "mrz_invalid",
                       "La bande MRZ de " + Quote(d) +
                           " ne vérifie pas ses chiffres de contrôle : document mal lu ou altéré.");
      o.document = d.index;
      return o;
    }
  }
  if (static_cast<int>(docs.size()) > kMaxDocuments) {
    return Outcome(CheckStatus::kUnknown, "too_many_documents",
                   "Le dossier contient " + std::to_string(docs.size()) +
                       " documents : un dossier est celui d'un seul joueur (au plus " +
                       std::to_string(kMaxDocuments) + ").");
  }
  for (const Doc& d : docs) {
    if (!d.input->result) {
      auto o = Outcome(CheckStatus::kUnknown, "no_result",
                       "Le document " + Quote(d) + " n'a pas donné de résultat : le reprendre.");
      o.document = d.index;
      return o;
    }
    if (d.document && d.category == Category::kOther) {
      auto o = Outcome(
          CheckStatus::kUnknown, "not_a_document",
          "Le document " + Quote(d) + " n'est ni une pièce d'identité ni une licence reconnue.");
      o.document = d.index;
      return o;
    }
  }
  for (const CardInfo& c : cards) {
    if (!c.card.complete) {
      auto o = Outcome(CheckStatus::kUnknown, "card_side_missing",
                       "Un seul côté de la carte d'identité " + Quote(*c.docs.front()) +
                           " : photographier aussi l'autre côté (recto et verso).");
      o.document = c.card.documents.front();
      return o;
    }
  }
  return Outcome(CheckStatus::kPass, "readable", "Tous les documents ont été lus.");
}

}  // namespace

std::string_view ToString(CheckStatus s) {
  switch (s) {
    case CheckStatus::kPass:
      return "pass";
    case CheckStatus::kFail:
      return "fail";
    case CheckStatus::kUnknown:
      break;
  }
  return "unknown";
}

std::string_view ToString(Verdict v) {
  switch (v) {
    case Verdict::kOk:
      return "ok";
    case Verdict::kRefuse:
      return "refuse";
    case Verdict::kReview:
      break;
  }
  return "review";
}

PlayerCheck CheckPlayer(const std::vector<Input>& inputs, const Options& options) {
  PlayerCheck out;
  out.match_date = options.match_date;
  out.season = SeasonOf(options.match_date);
  out.min_age = options.min_age;
  out.max_age = options.max_age;

  std::vector<Doc> docs;
  docs.reserve(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    docs.push_back(Analyse(inputs[i], static_cast<int>(i), options));
  }
  const std::vector<CardInfo> cards = GroupCards(docs);

  // Summaries.
  for (const Doc& d : docs) {
    DocumentSummary s;
    s.name = d.input->name;
    const Result* r = d.input->result ? &*d.input->result : nullptr;
    if (!r) {
      s.status = "no_result";
      s.error = d.input->error;
    } else {
      s.status = std::string(ToString(r->status));
      if (r->document) {
        s.type = r->document->type;
        s.side = r->document->side;
      }
      if (r->verification) {
        s.mrz = r->verification->mrz_check_digits;
        s.warnings = r->verification->warnings;
      }
      if (r->error) {
        s.error_code = r->error->code;
        s.error = r->error->message;
      }
    }
    out.documents.push_back(std::move(s));
  }
  for (std::size_t c = 0; c < cards.size(); ++c) {
    out.cards.push_back(cards[c].card);
    for (int i : cards[c].card.documents) out.documents[i].card = static_cast<int>(c);
  }

  // Identity: identity documents and licences only.
  std::vector<const Doc*> sources;
  for (const Doc& d : docs) {
    if (d.document && d.category != Category::kOther) sources.push_back(&d);
  }
  const View birth = Best(sources, FieldName::kBirthDate);
  out.identity.surname = ToIdentity(Best(sources, FieldName::kSurname));
  out.identity.given_names = ToIdentity(Best(sources, FieldName::kGivenNames));
  out.identity.birth_date = ToIdentity(birth);
  out.identity.sex = ToIdentity(Best(sources, FieldName::kSex));

  out.same_person = SamePerson(cards, docs);
  out.id_document_valid = IdDocumentValid(cards, birth, options.match_date);
  out.licence_valid_for_season = LicenceValid(docs, options.match_date, out.season);
  out.age = Age(birth, options, out.season);
  out.documents_readable = Readable(docs, cards);

  const std::pair<const char*, const CheckOutcome*> ordered[] = {
      {"same_person", &out.same_person},
      {"id_document_valid", &out.id_document_valid},
      {"licence_valid_for_season", &out.licence_valid_for_season},
      {"age", &out.age},
      {"documents_readable", &out.documents_readable},
  };
  for (CheckStatus wanted : {CheckStatus::kFail, CheckStatus::kUnknown}) {
    for (const auto& [name, o] : ordered) {
      if (o->status == wanted) out.reasons.push_back(Reason{name, o->status, o->code, o->message});
    }
  }
  const bool any_fail = std::any_of(std::begin(ordered), std::end(ordered), [](const auto& p) {
    return p.second->status == CheckStatus::kFail;
  });
  out.verdict = any_fail ? Verdict::kRefuse : out.reasons.empty() ? Verdict::kOk : Verdict::kReview;
  return out;
}

}  // namespace jae::check
