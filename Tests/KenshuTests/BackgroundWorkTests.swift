import KenshuCore
import Testing

/// The build writes its source manifest on another thread; what the work returns or throws must reach the build.
@Suite struct BackgroundWorkTests {
    struct Refused: Error, Equatable {}

    @Test func testResult_reachesEveryWaiter() throws {
        let work = BackgroundWork { (1...1000).reduce(0, +) }
        #expect(try work.wait() == 500_500)
        #expect(try work.wait() == 500_500)
    }

    @Test func testError_isThrownByWait() {
        let work = BackgroundWork { () throws -> Int in throw Refused() }
        #expect(throws: Refused.self) { try work.wait() }
        #expect(throws: Refused.self) { try work.wait() }
    }

    @Test func testParallelMap_keepsOrder() {
        let items = Array(0..<5000)
        #expect(Parallel.map(items) { $0 * 2 } == items.map { $0 * 2 })
    }
}
