package tw.training.account;

/**
 * The account machines judge under (a written test's scoring), made by migration V014: disabled, without role or
 * usable password, and out of reach of the user administration, so nobody can ever sign in or act as it.
 */
public final class SystemAccount {

    /** Not a username anyone can take: the rule wants a letter or digit first. */
    public static final String USERNAME = "(system)";

    private SystemAccount() {
    }
}
