package tw.training.account;

import tw.training.phrase.Phrase;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.transaction.Transactional;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;
import tw.training.database.Sql;
import tw.training.problem.ConflictException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Administration of accounts: create, find, disable and enable, reset passwords, change roles; and a user's
 * own password. Every change is audited, and every change that alters what a user may do ends their
 * sessions. The last enabled administrator cannot be disabled or lose the role.
 */
@Singleton
public class AccountService {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_DISPLAY_NAME = 200;
    private static final int MAX_EMAIL = 320;
    private static final int MAX_PAGE = 200;
    /** The languages mail is written in, the default first. */
    public static final List<String> LANGUAGES = List.of("zh-TW", "en");

    private final UserRepository users;
    private final Passwords passwords;
    private final SecurityAudit audit;
    private final Clock clock;
    private final ApplicationEventPublisher<AccountInvited> invited;

    AccountService(UserRepository users, Passwords passwords, SecurityAudit audit, Clock clock,
                   ApplicationEventPublisher<AccountInvited> invited) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.invited = invited;
    }

    /**
     * What is wrong with a request to create a user, field by field, without looking at the database (a taken username
     * is the database's to say): for a whole file of users checked before any is created.
     */
    public List<InputError> check(CreateUserRequest request) {
        List<InputError> errors = new ArrayList<>();
        String username = normalUsername(request.username());
        if (!USERNAME.matcher(username).matches()) {
            errors.add(InputError.field("username", "account.username-must-z-starting-with"));
        }
        String displayName = request.displayName() == null ? "" : request.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME) {
            errors.add(InputError.field("displayName", "account.displayname-must-have-characters", MAX_DISPLAY_NAME));
        }
        String email = request.email() == null ? "" : request.email().strip();
        if (!EMAIL.matcher(email).matches() || email.length() > MAX_EMAIL) {
            errors.add(InputError.field("email", "account.email-must-e-mail-address"));
        }
        if (!request.invited()) {
            Passwords.weakness(request.password(), username).ifPresent(problem -> errors.add(InputError.field("password", problem)));
        } else if (request.password() != null && !request.password().isEmpty()) {
            errors.add(InputError.field("password", "account.password-or-invitation"));
        }
        if (!LANGUAGES.contains(language(request))) {
            errors.add(InputError.field("language", "account.language-must-one", LANGUAGES));
        }
        roles(request.roles(), errors);
        return errors;
    }

    /** The usernames of {@code usernames} that accounts hold already (at most a thousand asked at once). */
    @ReadOnly
    public java.util.Set<String> taken(java.util.Collection<String> usernames) {
        return usernames.isEmpty() ? Set.of() : new java.util.HashSet<>(users.taken(usernames));
    }

    /** A username as stored: trimmed, in lower case. */
    public static String normalUsername(@Nullable String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String language(CreateUserRequest request) {
        return request.language() == null || request.language().isBlank() ? LANGUAGES.get(0) : request.language().strip();
    }

    @Transactional
    public UserResponse create(CreateUserRequest request, @Nullable String actor) {
        List<InputError> errors = check(request);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("account.user-cannot-created-as-given"), errors);
        }
        String username = normalUsername(request.username());
        String displayName = request.displayName().strip();
        String email = request.email().strip();
        String language = language(request);
        Set<String> roles = roles(request.roles(), new ArrayList<>());
        if (users.named(username).isPresent()) {
            throw new ConflictException("account.username-taken", username);
        }
        long id;
        try {
            id = users.insert(username, displayName, email, request.invited() ? Passwords.NONE : passwords.hash(request.password()), roles,
                    clock.instant(), language, false);
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                // created by another request between the check above and this insert
                throw new ConflictException("account.username-taken", username);
            }
            throw e;
        }
        audit.record(SecurityEventType.USER_CREATED, actor, username, Phrase.of("audit.roles", Roles.words(roles)));
        User created = users.withId(id).orElseThrow();
        if (request.invited()) {
            invited.publishEvent(new AccountInvited(AccountHolder.of(created), actor));
        }
        return UserResponse.of(created);
    }

    /** Enabled accounts per role ({@link Roles#ALL} in order, 0 where none), and the disabled ones in all: the overview's figures. */
    @ReadOnly
    public Map<String, Long> enabledByRole() {
        Map<String, Long> counts = new LinkedHashMap<>();
        Roles.ALL.forEach(role -> counts.put(role, 0L));
        users.countByRole().stream().filter(UserRepository.RoleCount::enabled).forEach(count -> counts.put(count.role(), count.users()));
        return counts;
    }

    /** Whether an enabled administrator exists, who can create every other account. */
    @ReadOnly
    public boolean hasAdministrator() {
        return users.countEnabledAdmins() > 0;
    }

    /** Creates the first administrator from configuration when there is none; false when one exists. */
    @Transactional
    public boolean bootstrapAdmin(String username, String password) {
        if (users.countEnabledAdmins() > 0) {
            return false;
        }
        UserResponse admin = create(new CreateUserRequest(username, username, username + "@example.invalid", password,
                List.of(Roles.ADMIN)), null);
        audit.record(SecurityEventType.BOOTSTRAP_ADMIN_CREATED, null, admin.username(), Phrase.of("audit.from-configuration"));
        return true;
    }

    @ReadOnly
    public List<UserResponse> search(@Nullable String query, @Nullable String role, @Nullable Boolean enabled,
                                     int size, int page) {
        if (role != null && !Roles.ALL.contains(role)) {
            throw InvalidInputException.of("role", "account.role-must-one", Roles.ALL);
        }
        if (size < 1 || size > MAX_PAGE) {
            throw InvalidInputException.of("size", "account.size-must-between", MAX_PAGE);
        }
        if (page < 0) {
            throw InvalidInputException.of("page", "account.page-must-not-negative");
        }
        return users.search(Sql.containing(query), role, enabled, page * size, size).stream().map(listing -> UserResponse.of(listing.user())).toList();
    }

    @ReadOnly
    public UserResponse get(String username) {
        return UserResponse.of(user(username));
    }

    @ReadOnly
    public Optional<UserResponse> find(long userId) {
        return users.withId(userId).map(UserResponse::of);
    }

    @Transactional
    public UserResponse disable(String username, String actor) {
        User user = user(username);
        if (user.enabled() && user.roles().contains(Roles.ADMIN) && users.countEnabledAdmins() == 1) {
            throw new ConflictException("account.last-enabled-administrator-cannot-disabled");
        }
        users.setEnabled(user.id(), false);
        audit.record(SecurityEventType.USER_DISABLED, actor, user.username(), null);
        return get(username);
    }

    @Transactional
    public UserResponse enable(String username, String actor) {
        User user = user(username);
        users.setEnabled(user.id(), true);
        audit.record(SecurityEventType.USER_ENABLED, actor, user.username(), null);
        return get(username);
    }

    @Transactional
    public void resetPassword(String username, PasswordReset reset, String actor) {
        User user = user(username);
        Passwords.weakness(reset.password(), user.username()).ifPresent(problem -> {
            throw new InvalidInputException(problem, List.of(InputError.field("password", problem)));
        });
        users.setPasswordHash(user.id(), passwords.hash(reset.password()));
        audit.record(SecurityEventType.PASSWORD_RESET, actor, user.username(), null);
    }

    /**
     * Changes the caller's password, which ends every token and page session of the user; answers the user's new
     * token version, under which the page session that asked may go on ({@link PageSessions#keep}).
     */
    @Transactional
    public int changeOwnPassword(long userId, PasswordChange change) {
        User user = users.withId(userId).orElseThrow(() -> new NotFoundException("account.user-not-found"));
        if (change.currentPassword() == null || !passwords.matches(change.currentPassword(), user.passwordHash())) {
            throw InvalidInputException.of("currentPassword", "account.current-password-not-right");
        }
        Passwords.weakness(change.newPassword(), user.username()).ifPresent(problem -> {
            throw new InvalidInputException(problem, List.of(InputError.field("newPassword", problem)));
        });
        users.setPasswordHash(user.id(), passwords.hash(change.newPassword()));
        audit.record(SecurityEventType.PASSWORD_CHANGED, user.username(), user.username(), null);
        // the row is locked by the update until commit: this is the version the change made
        return users.withId(userId).orElseThrow().tokenVersion();
    }

    @Transactional
    public UserResponse changeRoles(String username, RolesChange change, String actor) {
        User user = user(username);
        List<InputError> errors = new ArrayList<>();
        Set<String> roles = roles(change.roles(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("account.roles-cannot-set-as-given"), errors);
        }
        boolean losesAdmin = user.roles().contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN);
        if (losesAdmin && user.enabled() && users.countEnabledAdmins() == 1) {
            throw new ConflictException("account.last-enabled-administrator-cannot-lose");
        }
        users.replaceRoles(user.id(), roles);
        audit.record(SecurityEventType.ROLES_CHANGED, actor, user.username(), Phrase.of("audit.roles-changed", Roles.words(user.roles()), Roles.words(roles)));
        return get(username);
    }

    /** The holder of an account by username (the system account is none). */
    @ReadOnly
    public AccountHolder holder(String username) {
        return AccountHolder.of(user(username));
    }

    @ReadOnly
    public Optional<AccountHolder> holder(long userId) {
        return users.withId(userId).filter(user -> !user.username().equals(SystemAccount.USERNAME)).map(AccountHolder::of);
    }

    /** The enabled accounts reached at {@code address}: those with that e-mail address (in any case), or that username. */
    @ReadOnly
    public List<AccountHolder> reachedAt(String address) {
        return users.reachedAt(address.strip().toLowerCase(java.util.Locale.ROOT)).stream().map(listing -> AccountHolder.of(listing.user())).toList();
    }

    /**
     * Sets the password of a user who proved they hold a link mailed to them (an invitation, a reset): checked against
     * the password rule, and every token and page session of the user ends.
     */
    @Transactional
    public void setPasswordFromLink(long userId, @Nullable String password, SecurityEventType event, @Nullable Phrase detail) {
        User user = users.withId(userId).orElseThrow(() -> new NotFoundException("account.user-not-found"));
        Passwords.weakness(password, user.username()).ifPresent(problem -> {
            throw new InvalidInputException(problem, List.of(InputError.field("password", problem)));
        });
        users.setPasswordHash(user.id(), passwords.hash(password));
        audit.record(event, user.username(), user.username(), detail);
    }

    /** Every account (enabled or not) with this e-mail address, in any case: whom a provider's verified address may concern. */
    @ReadOnly
    public List<AccountHolder> withEmail(String address) {
        return users.withEmail(address.strip().toLowerCase(java.util.Locale.ROOT)).stream().map(listing -> AccountHolder.of(listing.user())).toList();
    }

    /**
     * An account made on a first sign-in through a provider that allows just-in-time accounts: SSO only and without a
     * password, its username the provider's preferred one made valid and free (a number appended when taken). Runs in
     * the caller's transaction, which links the identity.
     */
    @Transactional
    public AccountHolder createSignedInElsewhere(String preferredUsername, String displayName, String email, Set<String> roles,
                                                 Phrase detail) {
        String base = usernameFrom(preferredUsername);
        String username = base;
        for (int n = 2; users.named(username).isPresent(); n++) {
            username = base.substring(0, Math.min(base.length(), 58)) + "-" + n;
        }
        String name = displayName.isBlank() ? username : displayName.strip();
        long id = users.insert(username, name.length() > MAX_DISPLAY_NAME ? name.substring(0, MAX_DISPLAY_NAME) : name, email, Passwords.NONE,
                roles, clock.instant(), LANGUAGES.get(0), true);
        audit.record(SecurityEventType.SSO_ACCOUNT_CREATED, null, username, detail);
        return AccountHolder.of(users.withId(id).orElseThrow());
    }

    /** A valid username from what a provider prefers (often an e-mail address): its part before '@', in the allowed letters. */
    static String usernameFrom(String preferred) {
        String local = normalUsername(preferred).replaceFirst("@.*$", "").replaceAll("[^a-z0-9._-]+", ".").replaceAll("^[._-]+", "");
        local = local.substring(0, Math.min(local.length(), 58));
        return USERNAME.matcher(local).matches() ? local : local.isEmpty() ? "user" : "user." + local;
    }

    /** Marks a user SSO only (their password no longer signs them in, and their sessions end) or not. */
    @Transactional
    public UserResponse setSsoOnly(String username, boolean ssoOnly, String actor) {
        User user = user(username);
        users.setSsoOnly(user.id(), ssoOnly);
        audit.record(SecurityEventType.SSO_ONLY_CHANGED, actor, user.username(), Phrase.of(ssoOnly ? "audit.sso-only-on" : "audit.sso-only-off"));
        return get(username);
    }

    /** The address a user last signed in from with a password, if known: a third-party report signed from it is flagged. */
    @ReadOnly
    public Optional<String> lastSource(long userId) {
        return users.lastSource(userId);
    }

    /** Ends every token and page session of a user (an identity they signed in with was unlinked). */
    @Transactional
    public void endSessions(long userId) {
        users.revokeTokens(userId);
    }

    /** The language of a user's mail. */
    @Transactional
    public void setLanguage(long userId, String language) {
        if (!LANGUAGES.contains(language)) {
            throw InvalidInputException.of("language", "account.language-must-one", LANGUAGES);
        }
        users.setLanguage(userId, language);
    }

    private User user(String username) {
        return users.named(username == null ? "" : username.strip().toLowerCase()).filter(user -> !user.username().equals(SystemAccount.USERNAME))
                .orElseThrow(() -> new NotFoundException("account.user-not-found-2", username));
    }

    private static Set<String> roles(@Nullable List<String> requested, List<InputError> errors) {
        if (requested == null || requested.isEmpty()) {
            errors.add(InputError.field("roles", "account.roles-must-name-least-one", Roles.ALL));
            return Set.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String role = requested.get(i) == null ? "" : requested.get(i).strip().toUpperCase();
            if (Roles.ALL.contains(role)) {
                roles.add(role);
            } else {
                errors.add(InputError.field("roles[" + i + "]", "account.not-one", requested.get(i), Roles.ALL));
            }
        }
        return roles;
    }
}
