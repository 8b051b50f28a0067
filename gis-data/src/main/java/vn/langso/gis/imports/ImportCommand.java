package vn.langso.gis.imports;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.langso.gis.db.DatabaseUrl;
import vn.langso.gis.db.SchemaMigrator;
import vn.langso.gis.model.AdminLevel;
import vn.langso.gis.model.LayerTarget;

/**
 * Command line of the importer: {@code import}, {@code demo}, {@code migrate} and {@code help}. Exit codes:
 * 0 on success (also when single features were rejected), 1 when the work failed, 2 for a usage error.
 */
public final class ImportCommand {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    static final String HELP = """
            Usage: langso COMMAND [OPTIONS]

            Commands:
              import --into TARGET [OPTIONS] FILE...
                       Import GeoJSON (.geojson, .json), CSV (.csv, with longitude and latitude columns) or
                       GeoPackage (.gpkg) files. TARGET is admin-units or a layer name (reports, cameras,
                       merchants, schools, clinics, cooperatives). Re-importing a file updates its features.
                --source NAME       value of the source column (default: the file name). Several files
                                    with one --source share it, so their feature keys must differ.
                --srid N            EPSG code of the input coordinates, for example 3405 (VN-2000 / UTM 48N),
                                    5897 (VN-2000 / TM-3 105°00') or 910545 (VN-2000 / TM-3 105°45');
                                    default: the file's own (GeoJSON crs, GeoPackage SRS), else 4326 (WGS 84)
                --key PROPERTY      property that identifies a feature across re-imports
                                    (default: the feature id, else the feature number)
                --attributes KEYS   properties to keep besides name, address and the layer's typed columns,
                                    separated by commas, or all (layers only). They are stored in the
                                    properties column, which /api/v1 and the exports serve publicly.
                                    Default: none; the summary lists the properties left out.
                --level LEVEL       province, district or commune for every unit (admin-units only;
                                    default: from the properties level/cap or the code property found)
                --valid-from DATE   first day the units are in force, YYYY-MM-DD (admin-units only; default 2025-07-01)
                --valid-to DATE     first day they are no longer in force (admin-units only; default: still current)
              demo     Load the demo places into every layer that is still empty.
              migrate  Apply the schema migrations.
              help     Show this text.

            Every command except help takes --database-url postgresql://user:password@host:port/database
            (default: the environment variable DATABASE_URL). import and demo apply pending migrations first.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final ImportProgress progress;

    ImportCommand(PrintStream out, PrintStream err, Map<String, String> environment, ImportProgress progress) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.progress = progress;
    }

    public static void main(String[] args) {
        // slf4j-simple, which the command line uses, logs INFO by default and would bury the progress and summary.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        ImportCommand command = new ImportCommand(System.out, System.err, System.getenv(), ConsoleProgress.forStandardError());
        System.exit(command.run(args));
    }

    /** Runs one command and returns the exit code. */
    int run(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        if (arguments.command().equals("help")) {
            out.print(HELP);
            return EXIT_OK;
        }

        DatabaseUrl database;
        try {
            String url = arguments.option("database-url");
            database = DatabaseUrl.parse(url != null ? url : environment.get("DATABASE_URL"));
        } catch (IllegalArgumentException e) {
            return usageError("No usable database: " + e.getMessage() + ". Pass --database-url or set DATABASE_URL.");
        }

        try {
            return switch (arguments.command()) {
                case "migrate" -> migrate(database);
                case "demo" -> demo(database);
                case "import" -> importFiles(database, arguments);
                default -> usageError("Unknown command '" + arguments.command() + "'");
            };
        } catch (RuntimeException e) {
            err.println();
            err.println("Error: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    private int migrate(DatabaseUrl database) {
        int applied = SchemaMigrator.migrate(database);
        out.println("Schema of " + database + " is up to date (" + applied + " migrations applied).");
        return EXIT_OK;
    }

    private int demo(DatabaseUrl database) {
        SchemaMigrator.migrate(database);
        for (DemoData.LayerResult result : DemoData.load(database)) {
            if (result.skipped()) {
                out.println("skipped " + result.layer() + ": the layer already has features");
            } else {
                out.println("loaded  " + result.layer() + ": " + result.loaded() + " demo features");
            }
        }
        return EXIT_OK;
    }

    private int importFiles(DatabaseUrl database, Arguments arguments) {
        ImportOptions options;
        try {
            options = importOptions(arguments);
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        List<Path> files = arguments.files().stream().map(Path::of).toList();
        SchemaMigrator.migrate(database);

        FeatureImporter importer = new FeatureImporter(database);
        ImportReport report;
        try {
            report = importer.importFiles(files, options, progress);
        } catch (IllegalArgumentException unknownTarget) {
            return usageError(unknownTarget.getMessage());
        } catch (ImportFailedException e) {
            err.println();
            err.println("Error: " + e.getMessage());
            return EXIT_FAILED;
        }
        ImportSummary.print(report, options, out);
        return EXIT_OK;
    }

    private static ImportOptions importOptions(Arguments arguments) {
        String target = arguments.option("into");
        if (target == null) {
            throw new IllegalArgumentException("import needs --into TARGET (" + LayerTarget.ADMIN_UNITS + " or a layer name)");
        }
        if (arguments.files().isEmpty()) {
            throw new IllegalArgumentException("import needs at least one FILE");
        }
        ImportOptions options = ImportOptions.into(target).withSource(arguments.option("source"))
                .withKeyProperty(arguments.option("key"));
        String attributes = arguments.option("attributes");
        if (attributes != null) {
            if (options.isAdminUnits()) {
                throw new IllegalArgumentException("--attributes applies only to layers, because " + LayerTarget.ADMIN_UNITS
                        + " keep all their properties and the backend does not serve them");
            }
            options = options.withAttributes(ImportOptions.Attributes.parse(attributes));
        }
        String srid = arguments.option("srid");
        if (srid != null) {
            try {
                options = options.withSrid(Integer.parseInt(srid));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--srid '" + srid + "' is not an EPSG code (a whole number such as 3405)");
            }
        }
        boolean adminOnlyOption = arguments.option("level") != null || arguments.option("valid-from") != null
                || arguments.option("valid-to") != null;
        if (adminOnlyOption && !options.isAdminUnits()) {
            throw new IllegalArgumentException("--level, --valid-from and --valid-to apply only to --into " + LayerTarget.ADMIN_UNITS);
        }
        String level = arguments.option("level");
        if (level != null) {
            options = options.withLevel(AdminLevel.parse(level).orElseThrow(() -> new IllegalArgumentException(
                    "--level '" + level + "' is not a level; expected province, district or commune")));
        }
        return options.withValidity(date(arguments, "valid-from"), date(arguments, "valid-to"));
    }

    private static LocalDate date(Arguments arguments, String name) {
        String value = arguments.option(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " '" + value + "' is not a date; expected YYYY-MM-DD");
        }
    }

    private int usageError(String message) {
        err.println("Error: " + message);
        err.println();
        err.print(HELP);
        return EXIT_USAGE;
    }

    /** Parsed command line: the command, its --name value options and the remaining file arguments. */
    record Arguments(String command, Map<String, String> options, List<String> files) {

        static final List<String> KNOWN_OPTIONS =
                List.of("database-url", "into", "source", "srid", "key", "attributes", "level", "valid-from", "valid-to");

        static Arguments parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("no command given");
            }
            String command = args[0];
            if (command.equals("--help") || command.equals("-h")) {
                command = "help";
            }
            if (!List.of("import", "demo", "migrate", "help").contains(command)) {
                throw new IllegalArgumentException("unknown command '" + command + "'; expected import, demo, migrate or help");
            }
            Map<String, String> options = new java.util.LinkedHashMap<>();
            List<String> files = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String argument = args[i];
                if (!argument.startsWith("--")) {
                    files.add(argument);
                    continue;
                }
                String name = argument.substring(2);
                String value = null;
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                if (!KNOWN_OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("option --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                options.put(name, value);
            }
            if (!command.equals("import") && !files.isEmpty()) {
                throw new IllegalArgumentException(command + " takes no file arguments, found " + files);
            }
            return new Arguments(command, options, files);
        }

        String option(String name) {
            return options.get(name);
        }
    }
}
