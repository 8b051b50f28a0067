package vn.langso.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.langso.gis.db.DatabaseUrl;

/**
 * Benchmarks the OGC items and tiles API of the backend against the same SQL run directly over JDBC, on a fresh
 * database with synthetic merchants (bench/README.md). Prints a Markdown table, and exits with status 1 on any failure.
 */
public final class BenchCommand {

    private static final Logger log = LoggerFactory.getLogger(BenchCommand.class);

    static final String SERVER_VARIABLE = "LANGSO_BENCH_DATABASE_URL";

    /** Distinct request targets (boxes or tiles) per case. */
    private static final int TARGETS = 64;

    private static final int MIN_ZOOM = 10;
    private static final int MAX_ZOOM = 16;

    /** Requests of each HTTP floor measurement: a few seconds in all. */
    private static final int FLOOR_REQUESTS = 20_000;

    private BenchCommand() {
    }

    public static void main(String[] arguments) {
        if (BenchOptions.wantsHelp(arguments)) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        try {
            run(BenchOptions.parse(arguments), arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            log.error("The benchmark failed", e);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(BenchOptions options, String[] arguments) throws Exception {
        String server = System.getenv(SERVER_VARIABLE);
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException(SERVER_VARIABLE + " is not set; set it to a PostgreSQL server with "
                    + "PostGIS, e.g. postgresql://postgres@127.0.0.1:5432/postgres, or run ./langso bench");
        }
        long started = System.nanoTime();
        BenchDatabase database = BenchDatabase.create(DatabaseUrl.parse(server));
        try {
            String communes = database.loadCommunes(options.sharedData());
            BenchDatabase.Extent extent = database.communeExtent();
            long loadStarted = System.nanoTime();
            database.loadMerchants(options.points(), options.seed(), extent, options.tagCommunes());
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            log.info("Loaded {} merchants in {} s", options.points(), Measurement.round2(loadSeconds));

            Path backendLog = Path.of("bench/target/backend-bench.log");
            List<Measurement.Result> results = new ArrayList<>();
            HttpFloor.Result floor;
            try (BackendProcess backend = BackendProcess.start(options.backendJar(), database.url(), backendLog);
                 ExecutorService clients = Executors.newFixedThreadPool(options.clients())) {
                ApiClient api = new ApiClient(backend.baseUri());
                List<RawClient> rawClients = new ArrayList<>();
                try {
                    for (int i = 0; i < options.clients(); i++) {
                        rawClients.add(new RawClient(database.connect()));
                    }
                    Random random = new Random(options.seed());
                    List<BenchCase> cases = new ArrayList<>();
                    cases.add(new ItemsCase(1000, extent, options.points(), TARGETS, random));
                    for (int zoom = MIN_ZOOM; zoom <= MAX_ZOOM; zoom++) {
                        cases.add(new TileCase(zoom, extent, TARGETS, random, null));
                    }
                    // Two cases with almost no data, so that the API's cost per request shows apart from the SQL.
                    cases.add(new ItemsCase(10, extent, options.points(), TARGETS, random));
                    cases.add(new TileCase(MAX_ZOOM, emptyArea(extent), TARGETS, random, "empty"));
                    if (options.only() != null) {
                        cases.removeIf(benchCase -> !benchCase.name().contains(options.only()));
                    }
                    Measurement measurement = new Measurement(api, rawClients, clients, options);
                    measurement.warmUp(cases);
                    for (BenchCase benchCase : cases) {
                        log.info("Measuring {}", benchCase.name());
                        results.add(measurement.measure(benchCase));
                    }
                    // Measured after the cases, while the backend idles, so that it takes no processor time from them.
                    floor = HttpFloor.measure(FLOOR_REQUESTS);
                } finally {
                    api.close();
                    for (RawClient raw : rawClients) {
                        raw.close();
                    }
                }
            }
            double totalSeconds = (System.nanoTime() - started) / 1e9;
            String table = report(options, arguments, communes, loadSeconds, totalSeconds, results, floor);
            System.out.println(table);
            if (options.output() != null) {
                Files.writeString(options.output(), table);
                log.info("Wrote the results to {}", options.output());
            }
        } finally {
            if (options.keepDatabase()) {
                log.info("Kept database {} (--keep-database)", database.url());
            } else {
                database.drop();
            }
        }
    }

    private static String report(BenchOptions options, String[] arguments, String communes, double loadSeconds,
                                 double totalSeconds, List<Measurement.Result> results, HttpFloor.Result floor) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, """
                ## Results of %s UTC

                Command: `./langso bench%s`. %,d synthetic merchants over %s; load %.0f s, whole run %.0f s.
                %d available processors, %d concurrent clients. Ratio = API / raw (goal: at most 1.2).

                | Case | API median ms | raw median ms | API p95 ms | raw p95 ms | ratio (median) \
                | API req/s (1) | raw req/s (1) | API req/s (%d) | raw req/s (%d) | ratio (%d) | API bytes |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                """,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toLocalDateTime(),
                arguments.length == 0 ? "" : " " + String.join(" ", arguments), options.points(), communes,
                loadSeconds, totalSeconds, Runtime.getRuntime().availableProcessors(), options.clients(),
                options.clients(), options.clients(), options.clients()));
        for (Measurement.Result result : results) {
            text.append(String.format(Locale.ROOT,
                    "| %s | %.2f | %.2f | %.2f | %.2f | %s | %.1f | %.1f | %.1f | %.1f | %s | %,.0f |%n",
                    result.name(), result.api().medianMs(), result.raw().medianMs(), result.api().p95Ms(),
                    result.raw().p95Ms(), verdict(result.medianRatio()), result.api().requestsPerSecond(),
                    result.raw().requestsPerSecond(), result.apiConcurrentRps(), result.rawConcurrentRps(),
                    verdict(result.concurrentRatio()), result.meanApiBytes()));
        }
        text.append(String.format(Locale.ROOT, "%nRequests measured per side, case by case: single client %s; "
                + "%d clients %s.%n",
                results.stream().map(result -> Integer.toString(result.api().count())).toList(), options.clients(),
                results.stream().map(result -> Integer.toString(result.concurrentRequests())).toList()));
        text.append(System.lineSeparator()).append(floor.describe()).append(System.lineSeparator());
        return text.toString();
    }

    /** Returns an area of the extent's size 3 degrees south of it, at sea, where no merchant lies. */
    private static BenchDatabase.Extent emptyArea(BenchDatabase.Extent extent) {
        return new BenchDatabase.Extent(extent.west(), extent.south() - 3, extent.east(), extent.north() - 3);
    }

    /** Formats a ratio and marks it when it misses the goal of 1.2. */
    private static String verdict(double ratio) {
        return String.format(Locale.ROOT, ratio <= 1.2 ? "%.2f" : "**%.2f** (> 1.2)", ratio);
    }
}
