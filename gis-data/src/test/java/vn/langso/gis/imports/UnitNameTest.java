package vn.langso.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class UnitNameTest {

    @Test
    void leadingTypeBecomesUnitType() {
        assertThat(UnitName.split("Xã Tân Thuận Tây", null)).isEqualTo(new UnitName("Tân Thuận Tây", "Xã"));
        assertThat(UnitName.split("Thành phố Cao Lãnh", "Thành phố")).isEqualTo(new UnitName("Cao Lãnh", "Thành phố"));
        assertThat(UnitName.split("Tỉnh Đồng Tháp", null)).isEqualTo(new UnitName("Đồng Tháp", "Tỉnh"));
        assertThat(UnitName.split("Thị trấn Mỹ Thọ", null)).isEqualTo(new UnitName("Mỹ Thọ", "Thị trấn"));
    }

    @Test
    void declaredTypeWinsOverPrefix() {
        assertThat(UnitName.split("Xã Mỹ Trà", "Phường")).isEqualTo(new UnitName("Mỹ Trà", "Phường"));
    }

    @Test
    void numberedUnitKeepsItsName() {
        assertThat(UnitName.split("Phường 1", null)).isEqualTo(new UnitName("Phường 1", "Phường"));
        assertThat(UnitName.split("Phường 11", "Phường")).isEqualTo(new UnitName("Phường 11", "Phường"));
    }

    @Test
    void nameWithoutTypeIsKept() {
        assertThat(UnitName.split("Mỹ Trà", "Phường")).isEqualTo(new UnitName("Mỹ Trà", "Phường"));
        assertThat(UnitName.split("Xã", null)).isEqualTo(new UnitName("Xã", null));
        assertThat(UnitName.split("Xãi Lá", " ")).isEqualTo(new UnitName("Xãi Lá", null));
    }

    @Test
    void decomposedNameIsComposedFirst() {
        String decomposed = Normalizer.normalize("Xã Tân Thuận Tây", Normalizer.Form.NFD);

        assertThat(UnitName.split(decomposed, null)).isEqualTo(new UnitName("Tân Thuận Tây", "Xã"));
    }
}
