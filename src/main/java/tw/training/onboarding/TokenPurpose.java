package tw.training.onboarding;

/** What a one-time token lets its holder do: choose a first password, or a new one. */
enum TokenPurpose {
    INVITATION,
    PASSWORD_RESET
}
