/// libFuzzer's entry point: one input is the bytes of one content file. A crash anywhere in the pipeline, or a broken
/// invariant (`PipelineCheck` traps), is what libFuzzer reports. Exported under its C name so that the binary is an
/// ordinary libFuzzer target; `main.swift` hands it to the driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    PipelineCheck.shared.run(bytes)
    return 0
}
