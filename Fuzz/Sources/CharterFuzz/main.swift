import CLibFuzzer
import Foundation

// SwiftPM links `main` to this file's code (as `CharterFuzz_main`), so libFuzzer's own `main` is not linked; its driver
// is run from here instead, with libFuzzer's flags and corpus folders from the command line.

// The Swift runtime's backtracer handles crash signals, and libFuzzer installs no handler over one that is set: without
// this a trap would end the process before libFuzzer saves the input that caused it.
for signal in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE] {
    _ = Foundation.signal(signal, SIG_DFL)
}
_ = PipelineCheck.shared  // the templates are read before the first input, not timed as part of it
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTestOneInput(data, size) })
