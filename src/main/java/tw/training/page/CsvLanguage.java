package tw.training.page;

import io.micronaut.http.HttpRequest;
import tw.training.printing.CsvLabels;

/**
 * In which words a CSV download comes (issue 30, point 6). {@code ?headers=en} always gives the stable English keys and
 * raw codes that programs read. Otherwise a page's download is in the page's language, and the API's in the language
 * its {@code Accept-Language} names, or the stable keys when it names none of ours (the API speaks English by default).
 */
public final class CsvLanguage {

    private static final String MACHINE = "en";

    private CsvLanguage() {
    }

    public static CsvLabels ofPage(HttpRequest<?> request) {
        return forMachines(request) ? CsvLabels.forMachines() : words(Language.of(request));
    }

    public static CsvLabels ofApi(HttpRequest<?> request) {
        if (forMachines(request)) {
            return CsvLabels.forMachines();
        }
        return Language.fromAcceptLanguage(request.getHeaders().get("Accept-Language")).map(CsvLanguage::words).orElse(CsvLabels.forMachines());
    }

    private static boolean forMachines(HttpRequest<?> request) {
        return request.getParameters().getFirst("headers").map(MACHINE::equalsIgnoreCase).orElse(false);
    }

    private static CsvLabels words(Language language) {
        Messages messages = new Messages(language);
        return CsvLabels.inWords(key -> messages.get(key));
    }
}
