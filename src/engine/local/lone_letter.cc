#include "engine/local/lone_letter.h"

#include <algorithm>
#include <memory>
#include <opencv2/imgproc.hpp>
#include <string>
#include <utility>
#include <vector>

namespace jae::local {
namespace {

// The boxes of `gray`'s marks: its dark ink (Otsu), 8-connected.
std::vector<cv::Rect> InkMarks(const cv::Mat& gray) {
  cv::Mat ink, labels, stats, centroids;
  cv::threshold(gray, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8);
  std::vector<cv::Rect> marks;
  for (int i = 1; i < n; ++i) {
    marks.emplace_back(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
  }
  return marks;
}

// Whether `box` is cut by the edge of a picture of `size`: another column's text, a frame.
bool TouchesEdge(const cv::Rect& box, cv::Size size) {
  return box.x == 0 || box.y == 0 || box.br().x >= size.width || box.br().y >= size.height;
}

// `mark` of `area` on a margin of paper half its height wide, so that nothing else is in
// the picture.
cv::Mat OnPaper(const cv::Mat& area, const cv::Rect& mark) {
  const int pad = mark.height / 2;
  cv::Mat crop(mark.height + 2 * pad, mark.width + 2 * pad, CV_8U, cv::Scalar(255));
  area(mark).copyTo(crop(cv::Rect(pad, pad, mark.width, mark.height)));
  return crop;
}

// `crop` read in page mode `mode`: its text, newlines as spaces, and Tesseract's mean
// confidence (0-100).
std::pair<std::string, int> ReadIn(tesseract::TessBaseAPI& api, const cv::Mat& crop,
                                   tesseract::PageSegMode mode) {
  api.SetPageSegMode(mode);
  api.SetImage(crop.data, crop.cols, crop.rows, 1, static_cast<int>(crop.step));
  api.SetSourceResolution(300);
  std::unique_ptr<char[]> text(api.GetUTF8Text());
  std::string read = text ? text.get() : "";
  std::replace(read.begin(), read.end(), '\n', ' ');
  return {read, api.MeanTextConf()};
}

// The box of the one mark in `gray` tall enough to be a letter next to a label `label_h`
// high (values are printed as large or larger), when there is exactly one; specks and
// marks cut by the picture's edge are ignored, anything else (a word, two letters) gives
// none. A bar thinner than a fifth of its height is a letter only when `bars` is set.
std::optional<cv::Rect> LoneMark(const cv::Mat& gray, int label_h, bool bars = false) {
  std::optional<cv::Rect> mark;
  for (const cv::Rect& box : InkMarks(gray)) {
    if (box.height < label_h / 2) continue;  // a speck, a label's accent
    const bool letter_sized = box.height >= label_h * 4 / 5 && box.height <= 4 * label_h &&
                              box.width * 2 <= box.height * 3 &&
                              (bars || box.width * 5 >= box.height);
    if (TouchesEdge(box, gray.size())) continue;
    if (!letter_sized || mark) return std::nullopt;
    mark = box;
  }
  return mark;
}

// The box of the one word in `gray` under a label `label_h` high: letter-sized marks on one
// row, each at most a letter's height from the next; none when the marks make more than one
// word or row, when a mark on that row is cut by the picture's edge (the word runs on out of
// the label's column), or when there are fewer than 2 or more than 20.
std::optional<cv::Rect> LoneWord(const cv::Mat& gray, int label_h, size_t fewest = 2) {
  std::vector<cv::Rect> letters, cut;
  for (const cv::Rect& box : InkMarks(gray)) {
    if (box.height < label_h * 4 / 5 || box.height > 4 * label_h) continue;  // specks, accents
    if (box.width > 3 * box.height) return std::nullopt;  // a rule, a bar: no word alone
    (TouchesEdge(box, gray.size()) ? cut : letters).push_back(box);
  }
  if (letters.size() < fewest || letters.size() > 20) return std::nullopt;
  std::sort(letters.begin(), letters.end(),
            [](const cv::Rect& a, const cv::Rect& b) { return a.x < b.x; });
  int tallest = 0;
  for (const cv::Rect& box : letters) tallest = std::max(tallest, box.height);
  cv::Rect word = letters.front();
  for (size_t k = 1; k < letters.size(); ++k) {
    const cv::Rect& box = letters[k];
    const int gap = box.x - word.br().x;
    const int centre = box.y + box.height / 2, row = word.y + word.height / 2;
    if (gap > tallest || std::abs(centre - row) * 2 > tallest) return std::nullopt;
    word |= box;
  }
  for (const cv::Rect& box : cut) {
    if (box.y < word.br().y && word.y < box.br().y) return std::nullopt;
  }
  return word;
}

// The one word in `area` of `image` (LoneWord: at least `fewest` marks for a label `label_h`
// high) read alone in two page modes; only when both read it alike, surely.
std::optional<Field> ReadWordIn(tesseract::TessBaseAPI& api, const cv::Mat& image, cv::Rect area,
                                int label_h, size_t fewest) {
  constexpr int kSure = 75, kSureCharacter = 60;
  area &= cv::Rect(0, 0, image.cols, image.rows);
  if (area.width < 2 * label_h || area.height < label_h) return std::nullopt;
  const std::optional<cv::Rect> mark = LoneWord(image(area), label_h, fewest);
  if (!mark) return std::nullopt;
  const cv::Mat crop = OnPaper(image(area), *mark);
  const tesseract::PageSegMode page_mode = api.GetPageSegMode();
  std::string word;  // as the last mode read it, its spaces kept ("30 01 1957")
  std::string letters;
  int confidence = 100;
  for (auto mode : {tesseract::PSM_SINGLE_WORD, tesseract::PSM_RAW_LINE}) {
    auto [read, read_confidence] = ReadIn(api, crop, mode);
    std::string compact = read;
    std::erase(compact, ' ');
    // Each mode must read it, and alike.
    if (compact.empty() || (!letters.empty() && compact != letters)) {
      confidence = 0;
      break;
    }
    letters = compact;
    word = read;
    confidence = std::min(confidence, read_confidence);
  }
  api.SetPageSegMode(page_mode);
  // A lone character ("0" on a badge) reads less surely than a word, whose letters'
  // context Tesseract weighs: both modes alike at 60 are enough for one.
  const int sure = letters.size() == 1 ? kSureCharacter : kSure;
  if (letters.empty() || confidence < sure) return std::nullopt;
  while (!word.empty() && word.back() == ' ') word.pop_back();
  while (!word.empty() && word.front() == ' ') word.erase(word.begin());
  return Field{word, confidence / 100.0, FieldSource::kVisual};
}

}  // namespace

std::optional<Field> ReadLoneWord(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                  const cv::Rect& label) {
  const int h = std::max(6, label.height);
  return ReadWordIn(api, image,
                    cv::Rect(label.x - h, label.y + label.height, label.width + 6 * h, h * 7 / 2),
                    h, 2);
}

cv::Rect AreaOverLabel(const cv::Rect& label) {
  // Centred on the caption, and wider than a short one: a badge's figures ("15/4") may
  // stand wider than their caption.
  const int h = std::max(6, label.height);
  const int half = std::max(label.width / 2, 4 * h) + h;
  const int centre = label.x + label.width / 2;
  return cv::Rect(centre - half, label.y - 7 * h, 2 * half, 7 * h);
}

std::optional<Field> ReadLoneWordOver(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                      const cv::Rect& label) {
  return ReadWordIn(api, image, AreaOverLabel(label), std::max(6, label.height), 1);
}

namespace {

// How ReadMarkIn reads a mark: the page mode that must agree with PSM_SINGLE_CHAR, the
// smallest height it is read at (a smaller mark is enlarged), and the confidence (0-100) one
// of the two modes must reach.
struct MarkReading {
  tesseract::PageSegMode second_mode;
  int least_height;
  int sure;
  // Whether a bar (three times as tall as wide or more, as tall as the text: a box's side is
  // taller) is the capital I, unread: among capitals only I is a bar, and Tesseract reads one
  // enlarged alone as "L". Only where the page read a sign: a form's box or rule is a bar too.
  bool bar_is_i = false;
};

// The one character-sized mark in `place` of `image` (LoneMark, for text `h` high) read alone,
// restricted to `api`'s whitelist: in two page modes, since each alone drops or doubts some
// letters the other reads surely, and two modes that read different letters settle nothing.
std::optional<Field> ReadMarkIn(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                const cv::Rect& place, int h, const MarkReading& how) {
  const cv::Rect r = place & cv::Rect(0, 0, image.cols, image.rows);
  if (r.width < h || r.height < h) return std::nullopt;
  const std::optional<cv::Rect> mark = LoneMark(image(r), h, how.bar_is_i);
  if (!mark) return std::nullopt;
  if (how.bar_is_i && 3 * mark->width <= mark->height) {
    if (4 * mark->height > 5 * h) return std::nullopt;
    return Field{"I", how.sure / 100.0, FieldSource::kVisual};
  }
  cv::Mat crop = OnPaper(image(r), *mark);
  if (mark->height < how.least_height) {
    const double scale = static_cast<double>(how.least_height) / mark->height;
    cv::resize(crop, crop, cv::Size(), scale, scale, cv::INTER_CUBIC);
  }
  std::string letter;
  int confidence = 0;
  for (auto mode : {tesseract::PSM_SINGLE_CHAR, how.second_mode}) {
    auto [read, read_confidence] = ReadIn(api, crop, mode);
    std::erase(read, ' ');
    if (read.empty()) continue;
    if (!letter.empty() && read != letter) return std::nullopt;
    letter = read;
    confidence = std::max(confidence, read_confidence);
  }
  if (letter.size() != 1 || confidence < how.sure) return std::nullopt;
  return Field{letter, confidence / 100.0, FieldSource::kVisual};
}

// Runs `read` with `alphabet` as `api`'s whitelist, then restores the whitelist and page mode.
template <typename Read>
std::optional<Field> WithAlphabet(tesseract::TessBaseAPI& api, const char* alphabet,
                                  const Read& read) {
  const tesseract::PageSegMode page_mode = api.GetPageSegMode();
  api.SetVariable("tessedit_char_whitelist", alphabet);
  std::optional<Field> found = read();
  api.SetVariable("tessedit_char_whitelist", "");
  api.SetPageSegMode(page_mode);
  return found;
}

}  // namespace

std::optional<Field> ReadLoneLetter(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                    const cv::Rect& label, const char* alphabet) {
  constexpr MarkReading kSureOfTheLetter{tesseract::PSM_RAW_LINE, 0, 75};
  const int h = std::max(6, label.height);
  const cv::Rect below(label.x - h, label.y + label.height, std::max(label.width, 4 * h) + h,
                       h * 7 / 2);
  const cv::Rect right(label.x + label.width, label.y - h, 5 * h, 3 * h);
  return WithAlphabet(api, alphabet, [&]() -> std::optional<Field> {
    for (const cv::Rect& place : {below, right}) {
      if (auto letter = ReadMarkIn(api, image, place, h, kSureOfTheLetter)) return letter;
    }
    return std::nullopt;
  });
}

std::optional<Field> ReadLetterAfter(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                     const cv::Rect& word, const char* alphabet, int sure) {
  const int h = std::max(6, word.height);
  const cv::Rect after(word.br().x + 1, word.y - h / 2, 3 * h, 2 * h);
  // Tesseract takes a letter fewer than ~20 pixels high alone for noise ("C" 14 pixels high:
  // "L" at confidence 0; 32 high: "C").
  const MarkReading how{tesseract::PSM_RAW_LINE, 32, sure, sure == 0};
  return WithAlphabet(api, alphabet, [&] { return ReadMarkIn(api, image, after, h, how); });
}

namespace {

// A row of big figures: its box, and whether a minus leads it.
struct FigureRow {
  cv::Rect box;
  bool minus = false;
};

// The row of big figures by `label` in `gray` (see ReadBigFiguresBy) within `area`: its box,
// small marks on the row (a slash's foot, a dot) included, a leading minus told apart; none
// when the big marks make no one row, or none stands there.
std::optional<FigureRow> BigFiguresIn(const cv::Mat& gray, cv::Rect area, int ch,
                                      int least_height) {
  area &= cv::Rect(0, 0, gray.cols, gray.rows);
  if (area.width < 2 * ch || area.height < 2 * ch) return std::nullopt;
  const std::vector<cv::Rect> marks = InkMarks(gray(area));
  std::vector<cv::Rect> big;
  for (const cv::Rect& box : marks) {
    if (box.height < least_height || box.height > 8 * ch || TouchesEdge(box, area.size())) {
      continue;
    }
    if (2 * box.width > 3 * box.height) continue;  // a rule, a block, the disc's rim
    big.push_back(box);
  }
  if (big.empty() || big.size() > 4) return std::nullopt;
  std::sort(big.begin(), big.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.x < b.x; });
  int tallest = 0;
  for (const cv::Rect& box : big) tallest = std::max(tallest, box.height);
  cv::Rect row = big.front();
  for (size_t k = 1; k < big.size(); ++k) {
    const int centre = big[k].y + big[k].height / 2, middle = row.y + row.height / 2;
    if (big[k].x - row.br().x > tallest || std::abs(centre - middle) * 2 > tallest) {
      return std::nullopt;
    }
    row |= big[k];
  }
  // The small marks of the row: a minus, a slash's foot, a dot.
  FigureRow figures;
  bool grew = true;
  while (grew) {
    grew = false;
    for (const cv::Rect& box : marks) {
      if ((box & row) == box || box.height > tallest) continue;  // the disc's rim: no mark
      const int centre = box.y + box.height / 2;
      const int gap = std::max(box.x - row.br().x, row.x - box.br().x);
      if (centre < row.y || centre > row.br().y || gap > tallest / 2) continue;
      if (TouchesEdge(box, area.size())) return std::nullopt;
      // A minus: a flat bar before the figures, at their middle third.
      const bool flat = 2 * box.height <= box.width && 4 * box.height <= tallest;
      if (flat && box.br().x <= row.x && 3 * (centre - row.y) >= row.height &&
          3 * (centre - row.y) <= 2 * row.height) {
        figures.minus = true;
        continue;
      }
      row |= box;
      grew = true;
    }
  }
  figures.box = row + area.tl();
  return figures;
}

// `image` with the one dark disc by `label` (round, 3 to 16 caption heights, its ink 45 to
// 85 % of its box: filled, holding light figures; over the caption or left of it) made
// light with dark figures, everything else paper; empty when there is no such disc or two.
cv::Mat DiscMadeLight(const cv::Mat& image, const cv::Rect& label, int ch) {
  const cv::Rect around = cv::Rect(label.x - 18 * ch, label.y - 18 * ch, label.width + 36 * ch,
                                   label.height + 36 * ch) &
                          cv::Rect(0, 0, image.cols, image.rows);
  if (around.width < 3 * ch || around.height < 3 * ch) return {};
  cv::Mat ink, labels, stats, centroids;
  cv::threshold(image(around), ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8);
  int disc = 0;
  for (int i = 1; i < n; ++i) {
    const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT) + around.x,
                       stats.at<int>(i, cv::CC_STAT_TOP) + around.y,
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    const bool round = box.height >= 3 * ch && box.height <= 16 * ch &&
                       5 * box.width >= 4 * box.height && 4 * box.width <= 5 * box.height &&
                       100 * area >= 45 * box.area() && 100 * area <= 85 * box.area();
    if (!round) continue;
    const int centre_x = box.x + box.width / 2, label_middle = label.y + label.height / 2;
    const bool over = centre_x >= label.x && centre_x <= label.br().x &&
                      box.br().y <= label.y + ch && label.y - box.br().y <= 3 * ch;
    const bool left = box.br().x <= label.x && label.x - box.br().x <= 4 * ch &&
                      label_middle >= box.y && label_middle <= box.br().y;
    if (!over && !left) continue;
    if (disc) return {};
    disc = i;
  }
  if (!disc) return {};
  // The disc filled (its figures are holes in it), off its rim: the rim's smoothed edge is
  // lighter than the disc and would read as a mark.
  cv::Mat own = labels == disc;
  std::vector<std::vector<cv::Point>> outline;
  cv::findContours(own, outline, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  cv::Mat mask = cv::Mat::zeros(around.size(), CV_8U);
  cv::drawContours(mask, outline, -1, cv::Scalar(255), cv::FILLED);
  const int rim = std::max(3, stats.at<int>(disc, cv::CC_STAT_HEIGHT) / 12);
  cv::erode(mask, mask, cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * rim + 1, 2 * rim + 1}));
  // Inside, the figures black (pixels lighter than their neighbourhood, over about a
  // figure's height: a disc may be lit unevenly, lighter round its figures), the rest white.
  const int block = std::max(3, stats.at<int>(disc, cv::CC_STAT_HEIGHT) / 6) | 1;
  cv::Mat figures;
  cv::adaptiveThreshold(image(around), figures, 255, cv::ADAPTIVE_THRESH_MEAN_C,
                        cv::THRESH_BINARY_INV, block, -10);
  cv::Mat light(image.size(), CV_8U, cv::Scalar(255));
  figures.copyTo(light(around), mask);
  return light;
}

}  // namespace

std::optional<Field> ReadBigFiguresBy(tesseract::TessBaseAPI& api, const cv::Mat& image,
                                      const cv::Rect& label, const char* alphabet) {
  if (image.empty() || image.type() != CV_8U) return std::nullopt;
  const int ch = std::max(6, label.height);
  // Over the caption, centred on it; or leading its row, left of it.
  const cv::Rect over(label.x - 2 * ch, label.y - 10 * ch, label.width + 4 * ch, 10 * ch);
  const cv::Rect left(label.x - 12 * ch, label.y - 4 * ch, 12 * ch, label.height + 8 * ch);
  const cv::Mat* page = &image;
  std::optional<FigureRow> row = BigFiguresIn(image, over, ch, 2 * ch);
  if (!row) row = BigFiguresIn(image, left, ch, 2 * ch);
  // Or light figures on a dark disc, made dark on light; inside a disc, figures smaller
  // than elsewhere are no other text.
  cv::Mat disc_made_light;
  if (!row) {
    disc_made_light = DiscMadeLight(image, label, ch);
    if (disc_made_light.empty()) return std::nullopt;
    page = &disc_made_light;
    row = BigFiguresIn(disc_made_light, over, ch, 3 * ch / 2);
    if (!row) row = BigFiguresIn(disc_made_light, left, ch, 3 * ch / 2);
  }
  if (!row) return std::nullopt;
  // A minus is read from its shape, the figures alone: a page mode drops a lone bar.
  const cv::Mat crop = OnPaper(*page, row->box & cv::Rect(0, 0, page->cols, page->rows));
  return WithAlphabet(api, alphabet, [&]() -> std::optional<Field> {
    std::string first;
    int confidence = 100;
    for (auto mode : {tesseract::PSM_SINGLE_LINE, tesseract::PSM_SINGLE_WORD}) {
      auto [read, read_confidence] = ReadIn(api, crop, mode);
      std::erase(read, ' ');
      if (read.empty() || (mode != tesseract::PSM_SINGLE_LINE && read != first)) {
        return std::nullopt;
      }
      first = read;
      confidence = std::min(confidence, read_confidence);
    }
    if (confidence < 60 || first.find('-') != std::string::npos) return std::nullopt;
    return Field{(row->minus ? "-" : "") + first, confidence / 100.0, FieldSource::kVisual};
  });
}

}  // namespace jae::local
