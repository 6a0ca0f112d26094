#include "app/cli.h"

int main(int argc, char** argv) { return cchc::app::run_cli(argc, argv); }
