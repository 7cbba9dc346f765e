package tw.training.account;

import tw.training.phrase.Phrase;

import java.util.List;

/** The roles of SPEC §1, as constants so {@code @Secured} can name them. An admin can do what a trainer can. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String TRAINER = "TRAINER";
    public static final String LEARNER = "LEARNER";
    public static final List<String> ALL = List.of(ADMIN, TRAINER, LEARNER);

    private Roles() {
    }

    /** Roles as words (the phrases {@code role.ADMIN}…), in the order of {@link #ALL}. */
    public static List<Phrase> words(java.util.Collection<String> roles) {
        return ALL.stream().filter(roles::contains).map(role -> Phrase.of("role." + role)).toList();
    }
}
