// jae-ocr: identity documents and FFT licences to verified JSON. See CONTRACT.md.
#include <cstdio>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"jae-ocr: photos and scans of identity documents and FFT licences to verified JSON",
               "jae-ocr"};
  app.set_version_flag("--version", std::string("jae-ocr ") + JAE_VERSION);
  app.require_subcommand(1);
  int exit_code = 0;
  jae::cli::AddServeCommand(app, &exit_code);
  jae::cli::AddWatchCommand(app, &exit_code);
  jae::cli::AddExtractCommand(app, &exit_code);
  jae::cli::AddBackfillCommand(app, &exit_code);
  jae::cli::AddMrzCommand(app, &exit_code);
  jae::cli::AddCheckCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;  // usage error, per the contract
  }
  return exit_code;
}
