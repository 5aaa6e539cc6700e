package lab.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScriptJsonTest {

    @Test
    void markupCharactersAreEscapedAndTheJsonIsUnchanged() {
        Map<String, String> value = Map.of("note", "</script><!-- a & b > c \u2028");

        String json = ScriptJson.of(value);

        assertThat(json).doesNotContain("<", ">", "&", "\u2028");
        JsonNode parsed = ScriptJson.COMPACT.readTree(json);
        assertThat(parsed.get("note").asString()).isEqualTo("</script><!-- a & b > c \u2028");
    }

    @Test
    void aScriptThatWouldCloseItsElementIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> PageResources.inlineable("var s = '</SCRIPT>';"));
        assertThatIllegalStateException().isThrownBy(() -> PageResources.inlineable("var s = '<!--';"));
        assertThat(PageResources.inlineable("if (a < b) {}")).isEqualTo("if (a < b) {}");
    }
}
