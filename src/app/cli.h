#pragma once
// The command line: `cchc COMMAND …` for each command group of
// cli_groups.h, --version, --help. Exit codes: 0 success, 2 bad usage or
// input, 1 any other failure.
namespace cchc::app {

int run_cli(int argc, char** argv);

}  // namespace cchc::app
