#include "engine/local/upright_frame.h"

#include <opencv2/core.hpp>

namespace jae::local {

cv::Rect UprightBox(const cv::Rect& box, cv::Size size, tesseract::Orientation facing) {
  switch (facing) {
    case tesseract::ORIENTATION_PAGE_RIGHT:  // the text's top points to the image's right
      return {box.y, size.width - box.x - box.width, box.height, box.width};
    case tesseract::ORIENTATION_PAGE_LEFT:
      return {size.height - box.y - box.height, box.x, box.height, box.width};
    case tesseract::ORIENTATION_PAGE_DOWN:
      return {size.width - box.x - box.width, size.height - box.y - box.height, box.width,
              box.height};
    case tesseract::ORIENTATION_PAGE_UP:
      break;
  }
  return box;
}

cv::Size UprightSize(cv::Size size, tesseract::Orientation facing) {
  const bool quarter =
      facing == tesseract::ORIENTATION_PAGE_RIGHT || facing == tesseract::ORIENTATION_PAGE_LEFT;
  return quarter ? cv::Size(size.height, size.width) : size;
}

cv::Mat UprightImage(const cv::Mat& image, tesseract::Orientation facing) {
  cv::Mat turned;
  switch (facing) {
    case tesseract::ORIENTATION_PAGE_RIGHT:
      cv::rotate(image, turned, cv::ROTATE_90_COUNTERCLOCKWISE);
      return turned;
    case tesseract::ORIENTATION_PAGE_LEFT:
      cv::rotate(image, turned, cv::ROTATE_90_CLOCKWISE);
      return turned;
    case tesseract::ORIENTATION_PAGE_DOWN:
      cv::rotate(image, turned, cv::ROTATE_180);
      return turned;
    case tesseract::ORIENTATION_PAGE_UP:
      break;
  }
  return image;
}

}  // namespace jae::local
