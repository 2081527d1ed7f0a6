// The printed-field reader on arbitrary OCR output: bytes split into lines (one a '\n'),
// each given a box from its index and its first byte and its words boxes along it, read with
// captions above and under their values, then every licence rule and every caption-free
// reading (unlabelled_fields.h, against ICAO's proved specimen MRZ) run on the result, and
// each line's text given its names' accents (french_names.h). Beyond "no crash", it checks
// the readers' contract: no field is emitted with an empty value.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "engine/local/field_reader.h"
#include "engine/local/french_names.h"
#include "engine/local/licence_fields.h"
#include "engine/local/text_layer.h"
#include "engine/local/unlabelled_fields.h"
#include "mrz/mrz.h"

namespace {

void RequireValues(const jae::Fields& fields) {
  for (const auto& [name, field] : fields) {
    if (field.value.empty()) std::abort();
  }
}

// ICAO's TD1 specimen (ERIKSSON / ANNA MARIA, born 1974-08-12, expires 2012-04-15), proved.
const jae::mrz::ParsedMrz& SpecimenMrz() {
  static const jae::mrz::ParsedMrz* const mrz = [] {
    jae::mrz::ParseOptions options;
    options.today = {2026, 12, 6};
    auto parsed =
        jae::mrz::ParseMrz({"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"},
                           options);
    if (!parsed.ok() || !parsed->valid) std::abort();
    return new jae::mrz::ParsedMrz(std::move(*parsed));
  }();
  return *mrz;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A page of OCR is a few hundred words; label matching is quadratic in a line's words,
  // and longer inputs only slow the search down.
  if (size > 1024) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<jae::local::OcrLine> lines;
  size_t start = 0;
  for (int i = 0; start <= text.size() && i < 64; ++i) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const int x = line.empty() ? 0 : static_cast<unsigned char>(line[0]) * 4;
    const int y = 30 * i + (line.size() % 7) * 9;
    const int height = 12 + static_cast<int>(i % 3) * 6;
    jae::local::OcrLine ocr{
        std::string(line), {x, y, 10 * static_cast<int>(line.size()) + 1, height}, 0.9};
    size_t word_start = 0;
    while (word_start < line.size()) {
      size_t word_end = line.find(' ', word_start);
      if (word_end == std::string_view::npos) word_end = line.size();
      if (word_end > word_start) {
        const cv::Rect box(x + 10 * static_cast<int>(word_start), y,
                           10 * static_cast<int>(word_end - word_start), height);
        ocr.words.push_back(
            {std::string(line.substr(word_start, word_end - word_start)), box, 0.9});
      }
      word_start = word_end + 1;
    }
    (void)jae::local::WithNameAccents(ocr.text);
    lines.push_back(std::move(ocr));
    start = end + 1;
  }
  // The same words as a PDF's text layer gives them (letter-spaced runs joined): every
  // character lands in one line, none is made up.
  std::vector<jae::TextLayerWord> layer;
  size_t characters = 0;
  for (const auto& line : lines) {
    for (const auto& w : line.words) {
      layer.push_back({w.text, w.box.x, w.box.y, w.box.width, w.box.height, true});
      characters += w.text.size();
    }
  }
  size_t laid = 0;
  for (const auto& line : jae::local::LinesFromTextLayer(layer)) {
    for (const auto& w : line.words) laid += w.text.size();
  }
  if (laid > characters) std::abort();
  for (auto captions : {jae::local::Captions::kAboveValues, jae::local::Captions::kUnderValues}) {
    jae::Fields fields = jae::local::ReadLabelledFields(lines, 1200, captions);
    RequireValues(fields);
    jae::local::AddNameHeading(lines, fields);
    jae::local::AddUnlabelledRanking(lines, fields);
    jae::local::AddClubNumberAfterItsName(lines, fields);
    jae::local::AddBareNumbers(lines, fields);
    RequireValues(fields);
    jae::Fields licence = fields;  // every licence rule in order, as the engine runs them
    jae::local::AddUnlabelledLicenceFields(lines, licence);
    RequireValues(licence);
    (void)jae::local::LabelWithoutValue(lines, fields, jae::FieldName::kSex);
    jae::Fields unlabelled;  // each caption-free reading, against nothing read and the reading
    for (jae::Fields* into : {&unlabelled, &fields}) {
      jae::local::AddNamesTheMrzSpells(lines, SpecimenMrz(), *into);
      jae::local::SpaceNamesAsTheMrz(SpecimenMrz(), *into);
      jae::local::AddDatesOfACardFront(lines, *into);
      jae::local::AddSexByItsLetter(lines, *into);
      jae::local::AddNationalityByItsCode(lines, *into);
      jae::local::AddAddressByItsPostcode(lines, *into);
      jae::local::AddIssueDateByValidity(lines, &SpecimenMrz(), *into);
      jae::local::AddIssueDateByValidity(lines, nullptr, *into);
      jae::local::AddBirthPlaceUncaptioned(lines, &SpecimenMrz(), *into);
      jae::local::AddBirthPlaceUncaptioned(lines, nullptr, *into);
      RequireValues(*into);
    }
  }
  return 0;
}
