package vn.langso.bench;

import java.nio.file.Path;

/**
 * Settings of one benchmark run, from the command line.
 *
 * @param points          synthetic merchant points to load ({@code --points}, default 1,000,000)
 * @param seed            seed of the point positions and of the request targets ({@code --seed}, default 42)
 * @param iterations      maximum single-client measurements per side and case ({@code --iterations}, default 300)
 * @param warmup          single-client warm-up requests per side and case, just before its measurement
 *                        ({@code --warmup}, default 20)
 * @param warmupSeconds   time of the warm-up phase before any measurement, shared equally by the cases, in which
 *                        each case's requests run through the API and directly, alternately
 *                        ({@code --warmup-seconds}, default 40). The backend's just-in-time compiler needs thousands
 *                        of requests to reach the steady state of a server that has run for a while.
 * @param caseSeconds     time budget of one case's measurements, split 60/40 between the single-client and the
 *                        concurrent phase ({@code --case-seconds}, default 40)
 * @param clients         concurrent clients of the throughput phase ({@code --clients}, default 4)
 * @param tagCommunes     whether to set commune_code on every point with one UPDATE after the load
 *                        ({@code --tag-communes}, off by default because it takes minutes for 1M points)
 * @param keepDatabase    whether to leave the benchmark database in place at the end ({@code --keep-database})
 * @param backendJar      the backend jar to start ({@code --backend-jar}, default backend/target/langso-backend.jar)
 * @param sharedData      folder of the real data ({@code --shared-data}, default ../shared/data)
 * @param output          file that receives the result table in Markdown, or null ({@code --output})
 * @param only            measures only the cases whose name contains this text, or all when null ({@code --only},
 *                        for example {@code --only items} or {@code --only z16})
 */
record BenchOptions(long points, long seed, int iterations, int warmup, int warmupSeconds, int caseSeconds,
                    int clients, boolean tagCommunes, boolean keepDatabase, Path backendJar, Path sharedData,
                    Path output, String only) {

    static final String USAGE = """
            Usage: ./langso bench [--points N] [--seed N] [--iterations N] [--warmup N] [--warmup-seconds N]
                                  [--case-seconds N] [--clients N] [--tag-communes] [--keep-database]
                                  [--backend-jar FILE] [--shared-data DIR] [--output FILE] [--only TEXT]
            The database server is LANGSO_BENCH_DATABASE_URL (postgresql://user@host:port/maintenance-database);
            a fresh database is created on it and dropped at the end.""";

    /** Tells whether the arguments ask for the usage text. */
    static boolean wantsHelp(String[] arguments) {
        return java.util.Arrays.asList(arguments).stream().anyMatch(argument -> argument.equals("--help")
                || argument.equals("-h"));
    }

    /** Parses the arguments, or fails with a message naming the invalid argument. */
    static BenchOptions parse(String[] arguments) {
        long points = 1_000_000;
        long seed = 42;
        int iterations = 300;
        int warmup = 20;
        int warmupSeconds = 40;
        int caseSeconds = 40;
        int clients = 4;
        boolean tagCommunes = false;
        boolean keepDatabase = false;
        Path backendJar = Path.of("backend/target/langso-backend.jar");
        Path sharedData = Path.of(System.getenv().getOrDefault("LANGSO_SHARED_DATA", "../shared/data"));
        Path output = null;
        String only = null;

        for (int i = 0; i < arguments.length; i++) {
            String name = arguments[i];
            switch (name) {
                case "--tag-communes" -> tagCommunes = true;
                case "--keep-database" -> keepDatabase = true;
                case "--points" -> points = wholeNumber(name, value(arguments, ++i, name), 1, 50_000_000);
                case "--seed" -> seed = wholeNumber(name, value(arguments, ++i, name), Long.MIN_VALUE, Long.MAX_VALUE);
                case "--iterations" -> iterations = (int) wholeNumber(name, value(arguments, ++i, name), 5, 1_000_000);
                case "--warmup" -> warmup = (int) wholeNumber(name, value(arguments, ++i, name), 0, 100_000);
                case "--warmup-seconds" -> warmupSeconds = (int) wholeNumber(name, value(arguments, ++i, name), 0, 3600);
                case "--case-seconds" -> caseSeconds = (int) wholeNumber(name, value(arguments, ++i, name), 2, 3600);
                case "--clients" -> clients = (int) wholeNumber(name, value(arguments, ++i, name), 1, 64);
                case "--backend-jar" -> backendJar = Path.of(value(arguments, ++i, name));
                case "--shared-data" -> sharedData = Path.of(value(arguments, ++i, name));
                case "--output" -> output = Path.of(value(arguments, ++i, name));
                case "--only" -> only = value(arguments, ++i, name);
                default -> throw new IllegalArgumentException("Unknown argument '" + name + "'.\n" + USAGE);
            }
        }
        return new BenchOptions(points, seed, iterations, warmup, warmupSeconds, caseSeconds, clients, tagCommunes,
                keepDatabase,
                backendJar, sharedData, output, only);
    }

    private static String value(String[] arguments, int index, String name) {
        if (index >= arguments.length) {
            throw new IllegalArgumentException("Argument " + name + " needs a value.\n" + USAGE);
        }
        return arguments[index];
    }

    private static long wholeNumber(String name, String raw, long minimum, long maximum) {
        long value;
        try {
            value = Long.parseLong(raw.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + raw + "' is not a whole number.\n" + USAGE);
        }
        if (value < minimum || value > maximum) {
            throw new IllegalArgumentException(name + " " + value + " is outside " + minimum + ".." + maximum + ".");
        }
        return value;
    }
}
