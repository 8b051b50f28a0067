package vn.langso.backend.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import vn.langso.backend.ApiTestSupport;

/** An exports limit that PostgreSQL's max_connections cannot serve is reported at start-up, naming the settings. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "langso.exports.max-concurrent=1000")
class ConnectionBudgetCheckApiTest extends ApiTestSupport {

    @Autowired
    ConnectionBudgetCheck budgetCheck;

    @Test
    void tooManyExportsForTheServerWarned(CapturedOutput output) {
        ConnectionBudgetCheck.ConnectionBudget budget = budgetCheck.check().block();

        assertThat(budget).isNotNull();
        assertThat(budget.needed()).isEqualTo(20 + 1000);
        assertThat(budget.available()).isPositive().isLessThan(1020);
        assertThat(budget.inUse()).isPositive();
        assertThat(budget.sufficient()).isFalse();
        assertThat(output.getOut()).contains("WARN").contains("langso.exports.max-concurrent=1000")
                .contains("raise max_connections");
    }

    @Test
    void sufficientOnlyWithinAvailable() {
        ConnectionBudgetCheck.ConnectionBudget fitting = new ConnectionBudgetCheck.ConnectionBudget(24, 97, 3);
        ConnectionBudgetCheck.ConnectionBudget overBudget = new ConnectionBudgetCheck.ConnectionBudget(98, 97, 3);

        assertThat(fitting.sufficient()).isTrue();
        assertThat(overBudget.sufficient()).isFalse();
    }
}
