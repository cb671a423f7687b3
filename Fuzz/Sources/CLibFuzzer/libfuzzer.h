#ifndef CHARTER_CLIBFUZZER_H
#define CHARTER_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer): parses libFuzzer's flags from argc/argv and runs
   `callback` on every input. Called from main.swift because SwiftPM names an executable's entry point
   `<Module>_main` and links `main` to it, so libFuzzer's own `main` is never used. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
