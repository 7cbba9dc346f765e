package tw.training.provider;

import tw.training.phrase.Phrase;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;
import tw.training.evidence.StoredFiles;
import tw.training.evidence.storage.StagedFile;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;
import tw.training.setting.SettingRepository;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Who issues the certificates: the name (an administrator's, else the configured {@code app.badges.issuer-name}), a
 * signatory's name and title, and a logo. Read when a certificate is issued (which copies it) and on the settings
 * page; each change is one update of a settings row, recorded in the audit trail.
 */
@Singleton
public class TrainingProvider {

    static final String NAME = "provider.name";
    static final String SIGNATORY_NAME = "provider.signatory-name";
    static final String SIGNATORY_TITLE = "provider.signatory-title";
    static final String LOGO = "provider.logo";
    /** The types a certificate's PDF can draw. */
    static final Set<String> LOGO_TYPES = Set.of("image/png", "image/jpeg");
    /** A logo is printed a few centimetres wide: a megabyte is plenty, and the PDF embeds it whole. */
    public static final long MAX_LOGO_BYTES = 1024 * 1024;
    private static final String FOLDER = "provider/";

    private final SettingRepository settings;
    private final ProviderLogoRepository logos;
    private final StoredFiles files;
    private final SecurityAudit audit;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final String configuredName;

    TrainingProvider(SettingRepository settings, ProviderLogoRepository logos, StoredFiles files, SecurityAudit audit,
                     TransactionOperations<Connection> transactions, Clock clock,
                     @Value("${app.badges.issuer-name:職能課程平台}") String configuredName) {
        this.settings = settings;
        this.logos = logos;
        this.files = files;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.configuredName = configuredName;
    }

    /**
     * The provider as a certificate names it. {@code nameSet}: an administrator set the name (else it is the
     * configured one); {@code updatedBy} and {@code updatedAt}: the last change of any part.
     */
    @Serdeable
    public record Identity(String name, boolean nameSet, @Nullable String signatoryName, @Nullable String signatoryTitle, @Nullable Long logoId,
                           @Nullable String updatedBy, @Nullable Instant updatedAt) {
    }

    /** The provider now (in the caller's transaction, if any). */
    public Identity identity() {
        List<SettingRepository.Shown> rows = List.of(row(NAME), row(SIGNATORY_NAME), row(SIGNATORY_TITLE), row(LOGO));
        SettingRepository.Shown last = rows.stream().filter(r -> r.updatedAt() != null)
                .max(java.util.Comparator.comparing(SettingRepository.Shown::updatedAt)).orElse(null);
        String logo = rows.get(3).settingValue();
        return new Identity(rows.get(0).settingValue() == null ? configuredName : rows.get(0).settingValue(), rows.get(0).settingValue() != null,
                rows.get(1).settingValue(), rows.get(2).settingValue(), logo == null ? null : Long.valueOf(logo),
                last == null ? null : last.updatedBy(), last == null ? null : last.updatedAt());
    }

    /**
     * Sets the name (blank: back to the configured one) and the signatory (both blank: none; a title needs a name).
     * Refused whole, field by field, when a part is too long.
     */
    public Identity change(@Nullable String name, @Nullable String signatoryName, @Nullable String signatoryTitle, Actor actor) {
        List<InputError> errors = new ArrayList<>();
        String chosenName = text("name", name, 200, errors);
        String chosenSignatory = text("signatoryName", signatoryName, 100, errors);
        String chosenTitle = text("signatoryTitle", signatoryTitle, 100, errors);
        if (chosenTitle != null && chosenSignatory == null) {
            errors.add(InputError.field("signatoryName", "provider.signatory-s-title-needs-signatory"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("provider.provider-was-not-changed"), errors);
        }
        return transactions.executeWrite(status -> {
            Instant now = clock.instant();
            settings.set(NAME, chosenName, actor.userId(), now);
            settings.set(SIGNATORY_NAME, chosenSignatory, actor.userId(), now);
            settings.set(SIGNATORY_TITLE, chosenTitle, actor.userId(), now);
            audit.record(SecurityEventType.SETTING_CHANGED, actor.username(), null, Phrase.of("audit.provider",
                    chosenName == null ? Phrase.of("audit.provider-configured") : chosenName,
                    chosenSignatory == null ? "" : chosenTitle == null ? Phrase.of("audit.provider-signed", chosenSignatory)
                            : Phrase.of("audit.provider-signed-titled", chosenSignatory, chosenTitle)));
            return identity();
        });
    }

    /** Stores a staged PNG or JPEG (at most {@link #MAX_LOGO_BYTES}) as the logo from now on. */
    public Identity changeLogo(StagedFile file, Actor actor) {
        if (!LOGO_TYPES.contains(file.contentType())) {
            throw InvalidInputException.of("logo", "provider.not-png-jpeg-image", file.filename());
        }
        String key = files.put(FOLDER, file);
        try {
            return transactions.executeWrite(status -> {
                ProviderLogo logo = logos.save(new ProviderLogo(null, key, file.filename(), file.contentType(), file.size(), file.sha256(),
                        actor.userId(), clock.instant()));
                settings.set(LOGO, String.valueOf(logo.id()), actor.userId(), logo.uploadedAt());
                files.settle(key);
                audit.record(SecurityEventType.SETTING_CHANGED, actor.username(), null, Phrase.of("audit.provider-logo", file.filename()));
                return identity();
            });
        } catch (RuntimeException e) {
            files.forget(key);
            throw e;
        }
    }

    /** No logo on certificates from now on (those issued with one keep it). */
    public Identity removeLogo(Actor actor) {
        return transactions.executeWrite(status -> {
            settings.set(LOGO, null, actor.userId(), clock.instant());
            audit.record(SecurityEventType.SETTING_CHANGED, actor.username(), null, Phrase.of("audit.provider-logo-removed"));
            return identity();
        });
    }

    /** A logo's file, for anyone: certificates and their public verification pages show it. */
    public record Logo(String contentType, long size, String sha256, InputStream content) {
    }

    public Logo open(long logoId) throws IOException {
        ProviderLogo logo = transactions.executeRead(status -> logos.findById(logoId)).orElseThrow(() -> new NotFoundException("provider.no-such-logo"));
        return new Logo(logo.contentType(), logo.sizeBytes(), logo.sha256(), files.open(logo.storageKey(), 0));
    }

    /** A logo as a data: URI, for the PDF printer, which fetches nothing (small: {@link #MAX_LOGO_BYTES} at most). */
    public String dataUri(long logoId) throws IOException {
        Logo logo = open(logoId);
        try (InputStream in = logo.content()) {
            return "data:" + logo.contentType() + ";base64," + Base64.getEncoder().encodeToString(in.readAllBytes());
        }
    }

    private SettingRepository.Shown row(String name) {
        return settings.shown(name).orElseThrow(() -> new IllegalStateException("migration V018 makes " + name));
    }

    private static @Nullable String text(String field, @Nullable String value, int max, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            errors.add(InputError.field(field, "provider.must-most-characters", Phrase.field(field), max));
        }
        return trimmed;
    }
}
