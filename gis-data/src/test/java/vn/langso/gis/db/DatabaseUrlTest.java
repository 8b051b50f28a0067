package vn.langso.gis.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void parsesFullUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://langso:s%40cret@db.local:5433/langso");

        assertThat(url.host()).isEqualTo("db.local");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.database()).isEqualTo("langso");
        assertThat(url.user()).isEqualTo("langso");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/langso");
        assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db.local:5433/langso");
    }

    @Test
    void defaultsPortAndUser() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://127.0.0.1/langso");

        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void toStringHidesPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://langso:topsecret@127.0.0.1:5432/langso");

        assertThat(url.toString()).doesNotContain("topsecret").contains("***");
        assertThat(DatabaseUrl.parse(url.toLibpqUrl())).isEqualTo(url);
    }

    @Test
    void rejectsMalformedUrls() {
        assertThatThrownBy(() -> DatabaseUrl.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://127.0.0.1/x")).hasMessageContaining("scheme 'mysql'");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://127.0.0.1")).hasMessageContaining("names no database");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://a b/x")).hasMessageContaining("not a valid URI");
    }
}
