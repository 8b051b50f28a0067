package vn.langso.camera.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.langso.camera.CameraSource;
import vn.langso.camera.config.AgentSettings.DetectorSpec;
import vn.langso.camera.count.CountingLine;
import vn.langso.camera.count.Zone;
import vn.langso.camera.source.SourceSpec;

/**
 * Reads an agent configuration from YAML ({@code .yaml}, {@code .yml}) or JSON, applies defaults and checks every
 * value, reporting all problems together in one {@link InvalidConfigException}.
 */
public final class ConfigLoader {

    /** Camera ids name folders of the buffer and appear in URLs, so they are kept to safe characters. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final String DEFAULT_BACKEND = "http://127.0.0.1:8080";
    static final String DEFAULT_KEY_ENV = "LANGSO_AGENT_KEY";

    /** Raised with every problem found in a configuration. */
    public static final class InvalidConfigException extends RuntimeException {
        private final List<String> problems;

        InvalidConfigException(Path file, List<String> problems) {
            super("Invalid camera agent configuration " + file + ":\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final Function<String, String> environment;

    /** Reads the agent key variable from the process environment. */
    public ConfigLoader() {
        this(System::getenv);
    }

    /** Reads the agent key variable through the given lookup, for tests. */
    public ConfigLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    public AgentSettings load(Path file) {
        ConfigFile raw;
        try {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml")
                    ? YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    : JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
            raw = mapper.readValue(Files.readString(file), ConfigFile.class);
        } catch (IOException e) {
            throw new InvalidConfigException(file, List.of("cannot read the file: " + e));
        } catch (JacksonException e) {
            throw new InvalidConfigException(file, List.of("not valid YAML or JSON for this schema: "
                    + e.getOriginalMessage()));
        }
        if (raw == null) {
            throw new InvalidConfigException(file, List.of("the file is empty"));
        }
        List<String> problems = new ArrayList<>();
        AgentSettings settings = resolve(raw, file.toAbsolutePath().getParent(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(file, problems);
        }
        return settings;
    }

    private AgentSettings resolve(ConfigFile raw, Path base, List<String> problems) {
        String agentId = raw.agentId();
        if (agentId == null || !SAFE_ID.matcher(agentId).matches()) {
            problems.add("agentId is missing or invalid (" + agentId + "); use 1-64 letters, digits, '.', '_' or '-'");
        }
        ConfigFile.Backend backend = raw.backend() == null ? new ConfigFile.Backend(null, null, null) : raw.backend();
        URI backendUri = null;
        String url = backend.url() == null ? DEFAULT_BACKEND : backend.url();
        try {
            backendUri = URI.create(url);
            if (!"http".equals(backendUri.getScheme()) && !"https".equals(backendUri.getScheme())) {
                problems.add("backend.url " + url + " must be an http or https URL");
            }
        } catch (IllegalArgumentException e) {
            problems.add("backend.url " + url + " is not a URL: " + e.getMessage());
        }
        String keyEnv = backend.agentKeyEnv() == null ? DEFAULT_KEY_ENV : backend.agentKeyEnv();
        String agentKey = backend.agentKey() != null ? backend.agentKey() : environment.apply(keyEnv);
        if (agentKey == null || agentKey.isBlank()) {
            problems.add("no agent key: set backend.agentKey or the environment variable " + keyEnv);
        }
        Path buffer = raw.bufferFolder() == null ? base.resolve("camera-buffer") : base.resolve(raw.bufferFolder());

        Duration heartbeat = seconds("heartbeatSeconds", raw.heartbeatSeconds(), 10, problems);
        Duration batch = seconds("batchSeconds", raw.batchSeconds(), 2, problems);
        Duration countInterval = seconds("countIntervalSeconds", raw.countIntervalSeconds(), 60, problems);
        ConfigFile.Reconnect reconnect = raw.reconnect() == null ? new ConfigFile.Reconnect(null, null)
                : raw.reconnect();
        Duration reconnectInitial = seconds("reconnect.initialSeconds", reconnect.initialSeconds(), 1, problems);
        Duration reconnectMaximum = seconds("reconnect.maxSeconds", reconnect.maxSeconds(), 30, problems);
        if (reconnectMaximum.compareTo(reconnectInitial) < 0) {
            problems.add("reconnect.maxSeconds must not be below reconnect.initialSeconds");
        }

        List<AgentSettings.Camera> cameras = new ArrayList<>();
        if (raw.cameras() == null || raw.cameras().isEmpty()) {
            problems.add("cameras is empty: configure at least one camera");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < raw.cameras().size(); i++) {
                AgentSettings.Camera camera = camera(raw.cameras().get(i), "cameras[" + i + "]", base, problems);
                if (camera != null && !ids.add(camera.id())) {
                    problems.add("camera id " + camera.id() + " is used twice");
                }
                if (camera != null) {
                    cameras.add(camera);
                }
            }
        }
        return new AgentSettings(agentId, backendUri, agentKey, buffer, heartbeat, batch, countInterval,
                reconnectInitial, reconnectMaximum, cameras);
    }

    private static Duration seconds(String name, Double value, double fallback, List<String> problems) {
        double seconds = value == null ? fallback : value;
        if (!(seconds > 0) || seconds > 86_400) {
            problems.add(name + " must be above 0 and at most 86400 seconds, was " + value);
            return Duration.ofMillis((long) (fallback * 1000));
        }
        return Duration.ofMillis(Math.max(1, (long) (seconds * 1000)));
    }

    private static AgentSettings.Camera camera(ConfigFile.Camera raw, String where, Path base,
                                               List<String> problems) {
        int before = problems.size();
        if (raw.id() == null || !SAFE_ID.matcher(raw.id()).matches()) {
            problems.add(where + ".id is missing or invalid (" + raw.id()
                    + "); use 1-64 letters, digits, '.', '_' or '-'");
        }
        String label = raw.id() == null ? where : "camera " + raw.id();
        URI uri = null;
        if (raw.source() == null || raw.source().isBlank()) {
            problems.add(label + ": source is missing; give an rtsp://, rtmp://, http:// URL or a file path");
        } else {
            uri = raw.source().contains("://") ? URI.create(raw.source()) : base.resolve(raw.source()).toUri();
        }
        if (raw.longitude() == null || raw.latitude() == null) {
            problems.add(label + ": longitude and latitude (WGS 84 degrees) are required to place it on the map");
        }
        CameraSource place = null;
        if (problems.size() == before) {
            try {
                place = new CameraSource(raw.id(), uri, raw.longitude(), raw.latitude(),
                        raw.viewDirection() == null ? 0 : raw.viewDirection());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        DetectorSpec detector = detector(raw.detector(), label, base, problems);
        List<CountingLine> lines = new ArrayList<>();
        if (raw.lines() != null) {
            for (ConfigFile.Line line : raw.lines()) {
                try {
                    lines.add(line(line, label));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        List<Zone> zones = new ArrayList<>();
        if (raw.zones() != null) {
            for (ConfigFile.ZoneEntry zone : raw.zones()) {
                try {
                    List<double[]> polygon = new ArrayList<>();
                    for (List<Double> point : zone.polygon() == null ? List.<List<Double>>of() : zone.polygon()) {
                        polygon.add(point.stream().mapToDouble(Double::doubleValue).toArray());
                    }
                    zones.add(new Zone(zone.id(), polygon, zone.noStoppingSeconds()));
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.add(label + ": " + e.getMessage());
                }
            }
        }
        if (place == null || problems.size() > before) {
            return null;
        }
        boolean isFile = "file".equals(uri.getScheme());
        SourceSpec source = new SourceSpec(uri, Boolean.TRUE.equals(raw.loop()),
                raw.realtime() == null ? !isFile : raw.realtime(), raw.format());
        if (!isFile && (raw.loop() != null || raw.realtime() != null)) {
            problems.add(label + ": loop and realtime apply to file sources only");
        }
        return new AgentSettings.Camera(place, source, detector, lines, zones);
    }

    private static DetectorSpec detector(ConfigFile.Detector raw, String label, Path base, List<String> problems) {
        if (raw == null || raw.type() == null && raw.model() == null) {
            return new DetectorSpec(DetectorSpec.MOTION, null, 0.5, 1);
        }
        String type = raw.type() == null ? DetectorSpec.YOLOX : raw.type();
        double threshold = raw.scoreThreshold() == null ? 0.3 : raw.scoreThreshold();
        int threads = raw.threads() == null ? 1 : raw.threads();
        if (!(threshold > 0 && threshold < 1)) {
            problems.add(label + ": detector.scoreThreshold must be between 0 and 1, was " + threshold);
        }
        if (threads < 1 || threads > 64) {
            problems.add(label + ": detector.threads must be 1-64, was " + threads);
        }
        switch (type) {
            case DetectorSpec.MOTION -> {
                return new DetectorSpec(type, null, threshold, threads);
            }
            case DetectorSpec.YOLOX -> {
                if (raw.model() == null) {
                    problems.add(label + ": detector.model is required for yolox; give the path of the ONNX file");
                    return null;
                }
                Path model = base.resolve(raw.model());
                if (!Files.isRegularFile(model)) {
                    problems.add(label + ": detector.model " + model + " is not a file");
                }
                return new DetectorSpec(type, model, threshold, threads);
            }
            default -> {
                problems.add(label + ": detector.type " + type + " is unknown; use yolox or motion");
                return null;
            }
        }
    }

    private static CountingLine line(ConfigFile.Line raw, String label) {
        String id = raw.id() == null ? "(no id)" : raw.id();
        String where = label + " line " + id;
        double[] from = point(raw.from(), where + ".from");
        double[] to = point(raw.to(), where + ".to");
        double[] forward;
        if (raw.forward() instanceof String word) {
            forward = ConfigFile.DIRECTION_WORDS.get(word.toLowerCase(Locale.ROOT));
            if (forward == null) {
                throw new IllegalArgumentException(where + ": forward " + word + " is unknown; use up, down, left,"
                        + " right or an [x, y] vector");
            }
        } else if (raw.forward() instanceof List<?> vector && vector.size() == 2
                && vector.get(0) instanceof Number x && vector.get(1) instanceof Number y) {
            forward = new double[] {x.doubleValue(), y.doubleValue()};
        } else {
            throw new IllegalArgumentException(where + ": forward is missing; use up, down, left, right or an"
                    + " [x, y] vector in image axes");
        }
        try {
            return new CountingLine(raw.id(), from[0], from[1], to[0], to[1], forward[0], forward[1],
                    Boolean.TRUE.equals(raw.wrongWay()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
        }
    }

    private static double[] point(List<Double> raw, String where) {
        if (raw == null || raw.size() != 2 || raw.get(0) == null || raw.get(1) == null) {
            throw new IllegalArgumentException(where + " must be [x, y] in image pixels");
        }
        return new double[] {raw.get(0), raw.get(1)};
    }
}
