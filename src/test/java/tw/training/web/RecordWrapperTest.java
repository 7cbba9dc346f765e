package tw.training.web;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateScalarModel;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Records read by component on the quick path, and everything else about them still as BeansWrapper reads it. */
public class RecordWrapperTest {

    /** Package-private, as many of the features' view holders are. */
    record Line(String title, int hours, List<String> codes) {
    }

    /** A public record with a method of its own, which BeansWrapper exposes. */
    public record Shouting(String title) {
        public String shout() {
            return title.toUpperCase(java.util.Locale.ROOT);
        }
    }

    private final RecordWrapper wrapper = new RecordWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34));

    @Test
    void componentsComeStraightFromTheRecord() throws Exception {
        TemplateHashModel line = (TemplateHashModel) wrapper.wrap(new Line("客訴處理", 6, List.of("T2.3")));
        assertEquals("RecordModel", line.getClass().getSimpleName(), "the quick path, not BeansWrapper's model");
        assertEquals("客訴處理", ((TemplateScalarModel) line.get("title")).getAsString());
        assertNotEquals(null, line.get("codes"));
    }

    @Test
    void aTemplateReadsComponentsAndCallsOtherMethodsAsBefore() throws Exception {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setObjectWrapper(wrapper);
        Template template = new Template("t", new StringReader(
                "${line.title} ${line.hours} ${line.codes?size} ${loud.shout()} <#if line?has_content>x</#if>"), configuration);
        StringWriter out = new StringWriter();
        template.process(Map.of("line", new Line("report", 6, List.of("a", "b")), "loud", new Shouting("report")), out);
        assertEquals("report 6 2 REPORT x", out.toString());
    }
}
