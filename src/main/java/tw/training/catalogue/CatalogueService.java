package tw.training.catalogue;

import tw.training.phrase.Phrase;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.database.Sql;
import tw.training.catalogue.document.DocumentKind;
import tw.training.catalogue.parsing.DocumentParser;
import tw.training.catalogue.parsing.ParsedDocument;
import tw.training.catalogue.parsing.UnreadableDocumentException;
import tw.training.problem.ConflictException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Imports documents into the catalogue and answers what it holds. A code names one content for good:
 * importing the same text again changes nothing, other text under a code already taken is refused.
 */
@Singleton
public class CatalogueService {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueService.class);

    private final DocumentParser parser;
    private final CatalogueStore store;
    private final CatalogueQueries queries;
    private final Clock clock;

    CatalogueService(DocumentParser parser, CatalogueStore store, CatalogueQueries queries, Clock clock) {
        this.parser = parser;
        this.store = store;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * @param code the code to file a document under when its text has none (models); optional otherwise,
     *             and then it must match the text's
     * @throws InvalidInputException naming the lines that could not be read
     * @throws ConflictException     when the code is taken by other content
     */
    public ImportResult importDocument(String text, @Nullable String code) {
        return store(parse(text, code), text);
    }

    /**
     * A document read from another format (a CASE package), kept with the text it came in: imported as a text is, the same
     * content under the same code again changing nothing, other content under a taken code refused.
     */
    public ImportResult importRead(CompetencyDocument document, String source) {
        return store(new ParsedDocument(document, List.of()), source);
    }

    private ImportResult store(ParsedDocument parsed, String text) {
        CompetencyDocument document = parsed.document();
        String sha256 = sha256(normalised(text));
        Optional<String> stored = store.findSourceSha256(document.code());
        if (stored.isEmpty()) {
            try {
                store.insert(document, text, sha256, clock.instant());
                LOG.info("Imported {} {} ({} tasks, {} indicators, {} warnings)", document.kind(), document.code(),
                        document.tasks().size(), document.indicatorCount(), parsed.warnings().size());
                return result(parsed, ImportOutcome.IMPORTED);
            } catch (RuntimeException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                // another instance imported the same code in the meantime: judge against what it stored
                stored = store.findSourceSha256(document.code());
            }
        }
        if (stored.isPresent() && stored.get().equals(sha256)) {
            return result(parsed, ImportOutcome.UNCHANGED);
        }
        throw new ConflictException("catalogue.already-catalogue-with-different-content", document.code());
    }

    /**
     * Imports a seed unless its exact text is already in the catalogue: every start asks this of every seed,
     * and reading a document is the costly part of an import.
     */
    public void importUnlessPresent(String text, @Nullable String code) {
        if (!store.holdsText(sha256(normalised(text)))) {
            importDocument(text, code);
        }
    }

    private ParsedDocument parse(String text, @Nullable String code) {
        try {
            return parser.parse(text, code == null || code.isBlank() ? null : code.strip());
        } catch (UnreadableDocumentException e) {
            throw new InvalidInputException(Phrase.of("catalogue.document-could-not-read-as"),
                    e.errors().stream().map(finding -> InputError.line(finding.line(), finding.phrase())).toList());
        }
    }

    private static ImportResult result(ParsedDocument parsed, ImportOutcome outcome) {
        CompetencyDocument document = parsed.document();
        return new ImportResult(document.code(), document.kind(), document.name(), outcome, document.tasks().size(),
                document.indicatorCount(), parsed.warnings());
    }

    public List<StandardSummary> list(@Nullable DocumentKind kind, @Nullable String query) {
        return queries.list(kind, query);
    }

    /**
     * The version of {@code code}'s family that a document filed under {@code code} supersedes: the newest one in the
     * catalogue older than it, whether or not {@code code} is stored yet (an import asks before storing).
     */
    public Optional<String> previousVersion(String code) {
        DocumentFamily family = DocumentFamily.of(code);
        if (family.version() == null) {
            return Optional.empty();
        }
        return list(null, null).stream().filter(s -> s.family().equals(family.stem()) && s.version() != null && s.version() < family.version())
                .max(Comparator.comparingInt(StandardSummary::version)).map(StandardSummary::code);
    }

    /**
     * The versions of the document's family in the catalogue, newest first, each current or superseded by the next;
     * 404 for a code the catalogue does not hold.
     */
    public List<FamilyMember> versions(String code) {
        return queries.family(get(code).code());
    }

    /** The row id of the document filed under {@code code} (exactly), for features that keep a reference to it. */
    public long idOf(String code) {
        return queries.idOf(code).orElseThrow(() -> new NotFoundException("catalogue.no-document-with-code-catalogue", code));
    }

    public Optional<CompetencyDocument> find(String code) {
        return queries.find(code);
    }

    /** The task {@code taskCode} of document {@code standardCode}, with its indicators, for features to point at. */
    public Optional<TaskReference> locateTask(String standardCode, String taskCode) {
        return queries.locateTask(standardCode, taskCode);
    }

    public CompetencyDocument get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("catalogue.no-document-with-code-catalogue", code));
    }

    /** Line endings and a byte-order mark are how a file was saved, not what it says. */
    private static String normalised(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.replace("\r\n", "\n");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
