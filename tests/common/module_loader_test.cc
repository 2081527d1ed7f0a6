// Loading our own modules: what a missing or foreign module says.
#include "common/module_loader.h"

#include <gtest/gtest.h>

#include "image/image_module.h"

namespace jae {
namespace {

TEST(OpenModule, AMissingModuleSaysWhereItLooked) {
  auto module =
      OpenModule("libjae-ocr-nothing.so", "/nonexistent/build", "jae_nothing_build", "0.0.0/1");
  ASSERT_FALSE(module.ok());
  EXPECT_EQ(module.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(module.status().message().find("libjae-ocr-nothing.so"), std::string::npos);
  EXPECT_NE(module.status().message().find("/nonexistent/build/libjae-ocr-nothing.so"),
            std::string::npos);
}

TEST(OpenModule, AModuleFromAnotherBuildIsRefused) {
  // The image module of this build tree, asked for another version.
  auto module =
      OpenModule("libjae-ocr-image.so", JAE_BUILD_DIR, "jae_image_module_build", "0.0.0-other/999");
  ASSERT_FALSE(module.ok());
  EXPECT_EQ(module.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(module.status().message().find("does not match"), std::string::npos);
}

TEST(OpenModule, FindsAndChecksAModuleOfThisBuild) {
  auto module = OpenModule("libjae-ocr-image.so", JAE_BUILD_DIR, "jae_image_module_build",
                           JAE_MODULE_BUILD(JAE_IMAGE_MODULE_ABI));
  ASSERT_TRUE(module.ok()) << module.status().ToString();
  EXPECT_NE(ModuleSymbol(*module, "jae_image_module_make_normalizer"), nullptr);
}

}  // namespace
}  // namespace jae
