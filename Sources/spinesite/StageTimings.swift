import Foundation

/// What `--timings` prints: each stage's wall time and the processor time of every thread of the
/// process meanwhile, so that a stage on one core (cpu ≈ wall) stands apart from one on all
/// cores (cpu ≈ wall × cores). Work a stage leaves running on another thread is counted in the
/// stage it overlaps (Markdown is converted while the site is resolved).
///
///     loading 1400 ms wall, 2700 ms cpu (1.9 cores); …; total 9000 ms wall, 15200 ms cpu (1.7 cores)
enum StageTimings {
    /// When a stage started, on the wall clock and on the process's processor clock.
    struct Start {
        var name: String
        var wall: UInt64
        var cpu: UInt64

        init(
            name: String, wall: UInt64 = Clock.nanoseconds(CLOCK_MONOTONIC),
            cpu: UInt64 = Clock.nanoseconds(CLOCK_PROCESS_CPUTIME_ID)
        ) {
            self.name = name
            self.wall = wall
            self.cpu = cpu
        }
    }

    /// One stage's span on both clocks.
    struct Span {
        var name: String
        var wall: UInt64
        var cpu: UInt64

        /// Cores busy on average: processor time over wall time.
        var cores: Double { wall == 0 ? 0 : Double(cpu) / Double(wall) }

        var description: String {
            "\(name) \(wall / 1_000_000) ms wall, \(cpu / 1_000_000) ms cpu (\(String(format: "%.1f", cores)) cores)"
        }
    }

    /// Every stage from its start to the next one's (the last to `end`), then the whole run from `begun`
    /// (the checks before the first stage included).
    static func spans(_ stages: [Start], begun: Start, end: Start = Start(name: "end")) -> [Span] {
        let ends = stages.dropFirst() + [end]
        let each = zip(stages, ends).map { stage, next in
            Span(name: stage.name, wall: next.wall - stage.wall, cpu: next.cpu - stage.cpu)
        }
        return each + [Span(name: "total", wall: end.wall - begun.wall, cpu: end.cpu - begun.cpu)]
    }

    /// "loading 120 ms wall, 230 ms cpu (1.9 cores); …; total …".
    static func line(_ stages: [Start], begun: Start) -> String {
        spans(stages, begun: begun).map(\.description).joined(separator: "; ")
    }
}

/// The system's clocks, in nanoseconds.
enum Clock {
    static func nanoseconds(_ clock: clockid_t) -> UInt64 {
        var time = timespec()
        clock_gettime(clock, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
