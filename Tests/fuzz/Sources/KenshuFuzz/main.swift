import Foundation

// SwiftPM links an executable's `main` to this file's code, so libFuzzer's own `main` is not used:
// hand the command line to libFuzzer's driver (LLVM 11 and later) with the entry point.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

var argumentCount = CommandLine.argc
var arguments = CommandLine.unsafeArgv
exit(runDriver(&argumentCount, &arguments) { data, size in fuzzOneInput(data, size) })
