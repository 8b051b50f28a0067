package vn.langso.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures one case: warm-up, a check that API and raw SQL agree, then a single-client phase and a concurrent
 * phase. Within each phase API and raw alternate (per request, or per round of concurrent requests), and which
 * side goes first alternates too, so that drifting load on the shared machine hits both sides alike.
 */
final class Measurement {

    private static final Logger log = LoggerFactory.getLogger(Measurement.class);

    /** Requests per client in one round of the concurrent phase. */
    private static final int REQUESTS_PER_ROUND = 5;

    private static final int MAX_ROUNDS = 200;

    /** Latency summary of one side of the single-client phase, in milliseconds. */
    record Latency(int count, double medianMs, double p95Ms, double requestsPerSecond) {

        static Latency of(long[] nanos, int count) {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            long total = 0;
            for (long value : sorted) {
                total += value;
            }
            return new Latency(count, percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6,
                    count / (total / 1e9));
        }

        /** Nearest-rank percentile of sorted values. */
        private static double percentile(long[] sorted, int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }

    /** Result of one case. Throughputs are requests per second of all clients together. */
    record Result(String name, Latency api, Latency raw, double apiConcurrentRps, double rawConcurrentRps,
                  int concurrentRequests, double meanApiBytes) {

        double medianRatio() {
            return api.medianMs() / raw.medianMs();
        }

        /** API time per request over raw time per request with concurrent clients: raw throughput / API throughput. */
        double concurrentRatio() {
            return rawConcurrentRps / apiConcurrentRps;
        }
    }

    private final ApiClient api;
    private final List<RawClient> rawClients;
    private final ExecutorService clients;
    private final BenchOptions options;

    /** {@code rawClients} has one connection per concurrent client, and the first also serves the single client. */
    Measurement(ApiClient api, List<RawClient> rawClients, ExecutorService clients, BenchOptions options) {
        this.api = api;
        this.rawClients = rawClients;
        this.clients = clients;
        this.options = options;
    }

    /**
     * Runs every case's requests through the API and directly, alternately, for an equal share of
     * {@code --warmup-seconds}, so that the backend and this harness are compiled before anything is measured.
     */
    void warmUp(List<BenchCase> cases) throws Exception {
        if (cases.isEmpty() || options.warmupSeconds() == 0) {
            return;
        }
        long share = options.warmupSeconds() * 1_000_000_000L / cases.size();
        RawClient raw = rawClients.getFirst();
        log.info("Warming up for {} s", options.warmupSeconds());
        for (BenchCase benchCase : cases) {
            long deadline = System.nanoTime() + share;
            for (int i = 0; System.nanoTime() < deadline; i++) {
                benchCase.callApi(api, i % benchCase.targets());
                benchCase.callRaw(raw, i % benchCase.targets());
            }
        }
    }

    Result measure(BenchCase benchCase) throws Exception {
        RawClient raw = rawClients.getFirst();
        for (int i = 0; i < options.warmup(); i++) {
            benchCase.callApi(api, i % benchCase.targets());
            benchCase.callRaw(raw, i % benchCase.targets());
        }
        for (int target = 0; target < Math.min(3, benchCase.targets()); target++) {
            benchCase.verify(api, raw, target);
        }

        long singleBudget = (long) (options.caseSeconds() * 0.6e9);
        long[] apiNanos = new long[options.iterations()];
        long[] rawNanos = new long[options.iterations()];
        long apiBytes = 0;
        int count = 0;
        long deadline = System.nanoTime() + singleBudget;
        while (count < options.iterations() && (count < 5 || System.nanoTime() < deadline)) {
            int target = count % benchCase.targets();
            boolean apiFirst = count % 2 == 0;
            if (!apiFirst) {
                rawNanos[count] = timeRaw(benchCase, raw, target);
            }
            long started = System.nanoTime();
            apiBytes += benchCase.callApi(api, target);
            apiNanos[count] = System.nanoTime() - started;
            if (apiFirst) {
                rawNanos[count] = timeRaw(benchCase, raw, target);
            }
            count++;
        }
        Latency api = Latency.of(apiNanos, count);
        Latency direct = Latency.of(rawNanos, count);

        long concurrentBudget = (long) (options.caseSeconds() * 0.4e9);
        long apiWall = 0;
        long rawWall = 0;
        int rounds = 0;
        deadline = System.nanoTime() + concurrentBudget;
        while (rounds < MAX_ROUNDS && (rounds < 2 || System.nanoTime() < deadline)) {
            int first = rounds * options.clients() * REQUESTS_PER_ROUND;
            if (rounds % 2 == 0) {
                apiWall += round(benchCase, true, first);
                rawWall += round(benchCase, false, first);
            } else {
                rawWall += round(benchCase, false, first);
                apiWall += round(benchCase, true, first);
            }
            rounds++;
        }
        int concurrentRequests = rounds * options.clients() * REQUESTS_PER_ROUND;
        Result result = new Result(benchCase.name(), api, direct, concurrentRequests / (apiWall / 1e9),
                concurrentRequests / (rawWall / 1e9), concurrentRequests, (double) apiBytes / count);
        log.info("{}: API median {} ms, raw median {} ms, ratio {}; {} clients: API {} req/s, raw {} req/s",
                result.name(), round2(api.medianMs()), round2(direct.medianMs()), round2(result.medianRatio()),
                options.clients(), round2(result.apiConcurrentRps()), round2(result.rawConcurrentRps()));
        return result;
    }

    private static long timeRaw(BenchCase benchCase, RawClient raw, int target) throws Exception {
        long started = System.nanoTime();
        benchCase.callRaw(raw, target);
        return System.nanoTime() - started;
    }

    /** Runs one round of concurrent requests on one side and returns its wall time in nanoseconds. */
    private long round(BenchCase benchCase, boolean throughApi, int firstIndex) throws Exception {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int client = 0; client < options.clients(); client++) {
            RawClient raw = rawClients.get(client);
            int first = firstIndex + client * REQUESTS_PER_ROUND;
            tasks.add(() -> {
                for (int j = 0; j < REQUESTS_PER_ROUND; j++) {
                    int target = (first + j) % benchCase.targets();
                    if (throughApi) {
                        benchCase.callApi(api, target);
                    } else {
                        benchCase.callRaw(raw, target);
                    }
                }
                return null;
            });
        }
        long started = System.nanoTime();
        for (Future<Void> done : clients.invokeAll(tasks)) {
            done.get();
        }
        return System.nanoTime() - started;
    }

    static String round2(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
