#include "engine/local/classify.h"

namespace jae::local {
namespace {

bool Has(const std::string& text, const char* word) { return text.find(word) != std::string::npos; }

// How many of an identity document's own captions the text holds (French or English).
int IdentityCaptions(const std::string& text) {
  int n = 0;
  for (const char* caption :
       {"prenom", "given name", "date de naissance", "date of birth", "lieu de naissance",
        "place of birth", "nationalit", "sexe", "date d'expiration", "expiry", "nom d'usage"}) {
    n += Has(text, caption);
  }
  return n;
}

}  // namespace

Classification Classify(const mrz::ParsedMrz* mrz, const std::string& text) {
  Classification c;
  // Printed words first; an MRZ, when read, overrides them.
  if (Has(text, "tennis") || Has(text, "licence") || Has(text, "classement")) {
    c = {DocumentType::kFftLicence, DocumentSide::kFront, "FRA", 0.8};
  } else if (Has(text, "passeport") || Has(text, "passport")) {
    c = {DocumentType::kPassport, DocumentSide::kFront, std::nullopt, 0.7};
  } else if (Has(text, "titre de sejour") || Has(text, "residence permit") || Has(text, "sejour")) {
    c = {DocumentType::kResidencePermit, std::nullopt, std::nullopt, 0.7};
  } else if (Has(text, "identite") || Has(text, "identity card") || Has(text, "carte nationale")) {
    c = {DocumentType::kIdCard, DocumentSide::kFront, std::nullopt, 0.7};
  } else if (Has(text, "adresse") || Has(text, "delivrance")) {
    c = {DocumentType::kIdCard, DocumentSide::kBack, std::nullopt, 0.5};
  } else if (IdentityCaptions(text) >= 4) {
    // No title in view (a photo cropped to the card's table of captions): the captions of
    // an identity document, and no MRZ yet to say which one. The 2021 card's front is the
    // one such document without an MRZ on the same side, so the likeliest.
    c = {DocumentType::kIdCard, DocumentSide::kFront, std::nullopt, 0.4};
  }
  if (Has(text, "republique francaise") || Has(text, "francaise")) c.issuing_country = "FRA";
  if (mrz == nullptr) return c;

  const std::string& code = mrz->data.document_code;
  const double confidence = mrz->valid ? 0.99 : 0.85;
  if (!mrz->data.issuing_state.empty()) c.issuing_country = mrz->data.issuing_state;
  switch (mrz->format) {
    case MrzFormat::kTD3:
      if (!code.empty() && code[0] == 'P')
        c = {DocumentType::kPassport, DocumentSide::kFront, c.issuing_country, confidence};
      break;
    case MrzFormat::kFrId1988:
      c = {DocumentType::kIdCard, DocumentSide::kFront, "FRA", confidence};
      break;
    case MrzFormat::kFrDl:
      c = {DocumentType::kDrivingLicence, DocumentSide::kBack, "FRA", confidence};
      break;
    case MrzFormat::kTD1:
    case MrzFormat::kTD2: {
      // ID: identity card (the French 2021 card prints its TD1 MRZ on the back). Other
      // A/C/I codes on a residence-permit-looking document: residence permit.
      const bool id = code == "ID" || code == "I<";
      if (c.type == DocumentType::kResidencePermit ||
          (!id && !code.empty() && (code[0] == 'A' || code[0] == 'I' || code[0] == 'C'))) {
        const bool front_words = c.type == DocumentType::kResidencePermit;
        c = {DocumentType::kResidencePermit,
             front_words ? DocumentSide::kBoth : DocumentSide::kBack, c.issuing_country,
             confidence};
      } else {
        const bool front_words = c.type == DocumentType::kIdCard && c.side == DocumentSide::kFront;
        c = {DocumentType::kIdCard, front_words ? DocumentSide::kBoth : DocumentSide::kBack,
             c.issuing_country, confidence};
      }
      break;
    }
    case MrzFormat::kMRVA:
    case MrzFormat::kMRVB:
      // A visa, whatever its page says ("Passport Number" is one of its captions).
      c = {DocumentType::kOther, DocumentSide::kFront, c.issuing_country, confidence};
      break;
    default:
      break;
  }
  return c;
}

}  // namespace jae::local
