package vn.langso.backend.accounts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.langso.backend.BackendApplication;
import vn.langso.backend.problems.ConflictException;

/**
 * {@code java -jar langso-backend.jar create-admin USERNAME [--display-name NAME] [--password-file FILE]}: creates the
 * first province administrator in the database of {@code DATABASE_URL}. Without a password file it generates a
 * password and prints it once on standard output.
 */
public final class AdminCommand {

    public static final String NAME = "create-admin";

    private static final String USAGE = "Usage: create-admin USERNAME [--display-name NAME] [--password-file FILE]";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private AdminCommand() {
    }

    /** Runs the command and returns the process exit status: 0 created, 1 failed, 2 bad arguments or already done. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String username = null;
        String displayName = "Quản trị tỉnh";
        Path passwordFile = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--display-name" -> displayName = i + 1 < args.length ? args[++i] : null;
                case "--password-file" -> passwordFile = i + 1 < args.length ? Path.of(args[++i]) : null;
                default -> {
                    if (username != null || args[i].startsWith("--")) {
                        err.println("create-admin: unknown argument '" + args[i] + "'. " + USAGE);
                        return 2;
                    }
                    username = Usernames.normalize(args[i]);
                }
            }
        }
        if (username == null || displayName == null || displayName.isBlank() || !Usernames.isValid(username)) {
            err.println("create-admin: give a user name of 3 to 64 letters a-z, digits, dots, hyphens or underscores. " + USAGE);
            return 2;
        }
        String password;
        boolean generated = passwordFile == null;
        try {
            password = generated ? generatePassword() : readPassword(passwordFile);
        } catch (IOException e) {
            err.println("create-admin: failed to read the password file " + passwordFile + ": " + e.getMessage());
            return 1;
        }
        if (password.codePointCount(0, password.length()) < PasswordHasher.MIN_LENGTH) {
            err.println("create-admin: the password in " + passwordFile + " is shorter than " + PasswordHasher.MIN_LENGTH
                    + " characters.");
            return 2;
        }

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BackendApplication.class)
                // The whole application starts, so that the schema is migrated as on a normal start, but its web
                // server listens only on a random loopback port while the command runs. The port and address are
                // command-line arguments because those override application.properties and BACKEND_PORT, so the
                // command also works while the backend runs on its port.
                .web(WebApplicationType.REACTIVE)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN")
                .run("--server.port=0", "--server.address=127.0.0.1")) {
            UserAccount created = context.getBean(FirstAdministrator.class)
                    .create(username, Normalizer.normalize(displayName.strip(), Normalizer.Form.NFC), password)
                    .block(Duration.ofMinutes(1));
            out.println("Created province administrator '" + username + "' (id " + created.id() + ").");
            if (generated) {
                out.println("Password (shown only now; store it safely): " + password);
            }
            return 0;
        } catch (ConflictException e) {
            err.println("create-admin: " + e.detail());
            return 2;
        }
    }

    private static String readPassword(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        // A trailing line break from an editor or echo is not part of the password.
        return Normalizer.normalize(content.replaceAll("[\\r\\n]+$", ""), Normalizer.Form.NFC);
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
