// Printed (visual) fields, found next to the labels each document prints: "Nom : X" on one
// line (1988 card, FFT licence) or the label above its value ("NOM / Surname" then
// "MARTIN": 2021 card, passport, residence permit). Pure functions over OCR lines.
//
// The captions themselves are caption_table.h's, the form each field's value must have
// value_forms.h's; the fields a licence shows without labels are licence_fields.h's.
#pragma once

#include <cstddef>
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mrz/mrz.h"
#include "result/result.h"

namespace jae::local {

struct OcrWord {
  std::string text;  // UTF-8
  cv::Rect box;
  double confidence = 1;  // 0..1, the reader's for this word alone
};

struct OcrLine {
  std::string text;  // UTF-8 as recognised
  cv::Rect box;
  double confidence = 0;  // 0..1
  // The line's words, left to right, when the reader knows them (empty otherwise): where
  // the columns of a multi-column line split.
  std::vector<OcrWord> words = {};
};

// Reads the labelled fields of `lines` (in any order). `document_width` scales the
// geometric tolerances. Only fields whose label is found and whose value is non-empty
// are returned; their source is "visual" and their confidence the OCR's for the value: the
// least of the confidences of the words the value keeps (a line's confidence is an average
// that a long, clear label lifts over one misread word of its value).
// A licence heading with no "Saison" label ("Licence 2027") counts as the season.
// `captions`: where a label without a value on its own line stands against its value —
// above it (most documents) or under it (a caption under each value, as some cards print).
enum class Captions { kAboveValues, kUnderValues };
Fields ReadLabelledFields(const std::vector<OcrLine>& lines, int document_width,
                          Captions captions = Captions::kAboveValues);

// The document itself tells where its captions stand. With a proved MRZ (every check
// holds, the read not withheld: `proved_mrz`, else null): when the surname read with
// captions above the values is not the MRZ's while the reading with captions under the
// values gives it, `fields` becomes that reading (names compared without accents, case or
// punctuation). Without one: when captions under the values give at least two fields
// more (a value that fails its field's form is no field, so the wrong placement finds
// few).
void ChooseCaptionPlacement(const mrz::ParsedMrz* proved_mrz, const std::vector<OcrLine>& lines,
                            int document_width, Fields& fields);

// How many of `fields`' names (surname, given names) a proved MRZ contradicts (compared by
// their letters, without accents, case or punctuation; the MRZ may cut given names short,
// so one a prefix of the other agrees); 0 without a proved MRZ (`proved_mrz` null). Why:
// of two readings of one page, the one whose names the MRZ's check digits refute is the
// misread one ("ARBIER" for "BARBIER"), and keeping it would raise a false alarm.
int NamesContradictingMrz(const mrz::ParsedMrz* proved_mrz, const Fields& fields);

// Whether `line` holds a caption of a field we read (a full one: not a lone "à").
bool NamesAField(const OcrLine& line);

// The box of `field`'s label in `lines` when `fields` has no value for it: where to look
// again for a value Tesseract's page reading dropped (a lone "F" under "Sexe").
std::optional<cv::Rect> LabelWithoutValue(const std::vector<OcrLine>& lines, const Fields& fields,
                                          FieldName field);

// ---- a line's words and captions (also the licence rules') ----------------------------

// A word with its normalised text.
struct Word {
  std::string text;
  std::string norm;
  cv::Rect box;
  double confidence;
};

// The words of a line: the reader's, or (when it gave none) the text split on spaces,
// each given a share of the line's box by its length. A one-word caption glued to the
// capitalised value after it ("ClubUnion") is parted into its two words.
std::vector<Word> WordsOf(const OcrLine& line);

// A label found on a line: words [first, end) (its '/'-joined other language and its ':'
// included), and the field it names (none for a stop label).
struct LabelHit {
  size_t first = 0, end = 0;
  std::optional<FieldName> field;
  bool colon = false;
  // A label that is also a short word ("à", "in"): it gives its field only when no full
  // label on the page does ("LIEU DE NAISSANCE" over a speck read "a" left of "FRA").
  bool weak = false;
};

// The captions the words of one line hold, in the order they stand, stop labels included;
// `height` is the line's, which the gap that parts two columns scales with.
std::vector<LabelHit> FindLabels(const std::vector<Word>& read_words, int height);

// The text of words [from, to) joined by single spaces.
std::string JoinWords(const std::vector<Word>& words, size_t from, size_t to);

}  // namespace jae::local
