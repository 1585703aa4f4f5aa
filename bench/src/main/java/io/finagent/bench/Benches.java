package io.finagent.bench;

/** bin/bench's benchmarks that run services: which one, with its arguments. */
public final class Benches {

    private Benches() {
    }

    public static void main(String[] args) throws Exception {
        String bench = args.length > 0 ? args[0] : "";
        switch (bench) {
            case "memory" -> MemoryBenchRun.run(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
            case "memory-replicas" -> MemoryBenchRun.replicasAgain();
            case "cache" -> CacheBenchRun.run();
            case "start" -> StartupBenchRun.run();
            case "backup" -> BackupBenchRun.run(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 3);
            default -> throw new IllegalArgumentException("unknown benchmark '" + bench + "'");
        }
    }
}
