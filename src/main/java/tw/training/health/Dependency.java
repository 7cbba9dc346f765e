package tw.training.health;

/** What the server needs to serve requests, by the name readiness reports. */
public enum Dependency {
    DATABASE("database"),
    EVIDENCE_STORE("evidenceStore");

    final String reportedAs;

    Dependency(String reportedAs) {
        this.reportedAs = reportedAs;
    }

    /** The dependency a failure names ({@code UnavailableException#dependency()}): "database", "evidence store". */
    public static Dependency named(String name) {
        return name.toLowerCase().contains("store") ? EVIDENCE_STORE : DATABASE;
    }
}
