package tw.training.web;

import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import freemarker.template.Version;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Renders the FreeMarker templates of {@code templates/} (on the classpath under {@code views/}). Templates
 * end in {@code .ftlh}, so everything they print is HTML-escaped unless a template says otherwise; records
 * are read by their component names ({@code course.title}).
 */
@Singleton
public class Templates {

    private static final Version VERSION = Configuration.VERSION_2_3_34;
    private static final DateTimeFormatter TAIPEI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Taipei"));

    private final Configuration configuration;

    Templates() {
        configuration = new Configuration(VERSION);
        configuration.setClassForTemplateLoading(Templates.class, "/views");
        configuration.setDefaultEncoding(StandardCharsets.UTF_8.name());
        configuration.setOutputEncoding(StandardCharsets.UTF_8.name());
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(VERSION);
        // records read by component name (course.title) on any class path: FreeMarker's own record support sits in
        // META-INF/versions/16 of its jar, which a shaded jar without a Multi-Release manifest never loads
        wrapper.setDefaultZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        configuration.setObjectWrapper(new RecordWrapper(wrapper));
        configuration.setSharedVariable("taipeiTime", (TemplateMethodModelEx) arguments -> taipeiTime(arguments));
    }

    /**
     * {@code ${taipeiTime(instant)}}: a moment as people in Taiwan read it, {@code 2026-11-24 19:18}; nothing
     * for a missing one. Pages are printed for Taiwanese readers, whatever the server's zone.
     */
    private static String taipeiTime(List<?> arguments) throws TemplateModelException {
        Object value = arguments.isEmpty() ? null : DeepUnwrap.unwrap((TemplateModel) arguments.get(0));
        if (value instanceof Instant instant) {
            return TAIPEI.format(instant);
        }
        return value == null ? "" : value.toString();
    }

    /** The page {@code name} (e.g. "dossier.ftlh") rendered with the model. */
    public String render(String name, Map<String, Object> model) {
        try {
            Template template = configuration.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("template " + name + " cannot be read", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
