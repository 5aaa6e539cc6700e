package lab.variants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VariantTest {

    @Test
    void everyVariantIsFoundByItsOwnNameAndNamesAreUnique() {
        for (Variant v : Variant.values()) {
            assertThat(Variant.named(v.id())).isSameAs(v);
        }
        assertThat(Arrays.stream(Variant.values()).map(Variant::id).distinct()).hasSize(Variant.values().length);
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Variant.named("mvc-virtual"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mvc-virtual'")
                .hasMessageContaining("mvc, mvc-vt, webflux, mvc-10k");
    }

    @Test
    void profilesSelectTheModelOfTheSameJar() {
        assertThat(Variant.MVC_VT.app()).isEqualTo(Variant.MVC.app());
        assertThat(Variant.MVC_VT.profileArgs()).containsExactly("--spring.profiles.active=virtual");
        assertThat(Variant.MVC.profileArgs()).isEmpty();
        assertThat(Variant.WEBFLUX.app().jar()).hasToString("webflux-app/target/webflux-app.jar");
        assertThat(Variant.COMPARED).containsExactly(Variant.MVC, Variant.MVC_VT, Variant.WEBFLUX);
        assertThat(Variant.COMPARED).filteredOn(v -> v.model().threadBound()).containsExactly(Variant.MVC);
    }
}
