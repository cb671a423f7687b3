import CharterCore

/// A chart layout engine that draws nothing: every chart falls back to its list, as when Graphviz cannot draw it.
///
/// Graphviz is not the code under test and would dominate the time of each input; the DOT text is still written.
struct NoLayout: ChartLayoutEngine {
    func svg(fromDOT dot: String) -> Result<String, ChartLayoutError> {
        .failure(ChartLayoutError("not drawn while fuzzing"))
    }
}
