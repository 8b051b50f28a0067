package vn.langso.backend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.langso.backend.accounts.AdminCommand;

/** Entry point of the Làng Số backend. */
@SpringBootApplication
public class BackendApplication {

    public static void main(String[] args) {
        if (args.length > 0 && AdminCommand.NAME.equals(args[0])) {
            System.exit(AdminCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(BackendApplication.class, args);
    }
}
